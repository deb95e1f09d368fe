package com.leadlex.importer.sandbox;

/** API keys are secrets: this is the only form in which the sandbox logs or records one. */
final class KeyMask {

    private static final String PREFIX = "wbk_";

    private KeyMask() {
    }

    /** {@code wbk_…a1b2}: the prefix and the last four characters, never more. */
    static String mask(String key) {
        if (key == null || key.isEmpty()) {
            return "(none)";
        }
        String prefix = key.startsWith(PREFIX) ? PREFIX : "";
        if (key.length() <= PREFIX.length() + 4) {
            return prefix + "…";
        }
        return prefix + "…" + key.substring(key.length() - 4);
    }
}
