package com.leadlex.importer.leadlex;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What came back from LeadLex, reduced to what the client reads: the status, the body as it came
 * (bytes, and the charset the answer declared) and the few response headers that matter (looked up
 * case-insensitively). The bytes are kept because the usual answer to a chunk is compared with the
 * request byte for byte ({@link EchoedIds}); {@link #body()} is the text.
 */
public record HttpReply(int status, byte[] bodyBytes, Charset charset, Map<String, String> headers) {

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
        bodyBytes = bodyBytes == null ? new byte[0] : bodyBytes;
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
    }

    /** A reply whose body is {@code body}, in UTF-8. */
    public HttpReply(int status, String body, Map<String, String> headers) {
        this(status, body == null ? null : body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, headers);
    }

    /** The body as text, decoded with the answer's charset. */
    public String body() {
        return new String(bodyBytes, charset);
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
