package com.leadlex.importer.leadlex;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What came back from LeadLex, reduced to what the client reads: the status, the body and the few
 * response headers that matter (looked up case-insensitively).
 */
public record HttpReply(int status, String body, Map<String, String> headers) {

    public static final String REQUEST_ID = "X-Request-ID";
    public static final String RATE_LIMIT = "X-RateLimit-Limit";
    public static final String RATE_REMAINING = "X-RateLimit-Remaining";
    public static final String RATE_RESET = "X-RateLimit-Reset";
    public static final String RETRY_AFTER = "Retry-After";

    /** The response headers a transport should hand over; everything else is ignored. */
    public static final List<String> HEADERS_READ = List.of(REQUEST_ID, RATE_LIMIT, RATE_REMAINING, RATE_RESET,
            RETRY_AFTER);

    public HttpReply {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String requestId() {
        return header(REQUEST_ID);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
