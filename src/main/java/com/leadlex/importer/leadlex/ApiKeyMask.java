package com.leadlex.importer.leadlex;

/**
 * The one way an API key may appear in logs: {@code wbk_…} and its last four characters, enough for
 * an operator to tell keys apart and useless to anyone reading the log.
 */
public final class ApiKeyMask {

    private ApiKeyMask() {
    }

    public static String mask(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return "(none)";
        }
        String key = apiKey.strip();
        String tail = key.length() > 8 ? key.substring(key.length() - 4) : "";
        return "wbk_…" + tail;
    }
}
