package com.leadlex.importer.webhook;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A webhook call as it arrived: what signature checks need (method, URL, raw body bytes, headers)
 * before anything is parsed.
 *
 * @param sourceName the {@code {source}} path segment
 * @param method     the HTTP method, upper case
 * @param url        the full URL as called (scheme, host, path and {@code ?query} if any)
 * @param pathToken  the segment after the source name, or null
 * @param headers    header values by lower-case name
 * @param body       the raw body bytes
 */
public record WebhookRequest(String sourceName, String method, String url, String pathToken,
        Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
