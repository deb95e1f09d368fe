package com.leadlex.importer.leadlex;

import java.util.Map;

/**
 * One HTTP request as the transport must send it: the method, the full URL (query included),
 * exactly these headers, and the body (empty for a GET). {@link #toString()} leaves the headers out,
 * since one of them carries the API key.
 */
public record HttpCall(String method, String url, Map<String, String> headers, byte[] body) {

    public HttpCall {
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("LeadLex is called with GET or POST, not " + method);
        }
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A POST of {@code body}: how contacts are enrolled and created. */
    public HttpCall(String url, Map<String, String> headers, byte[] body) {
        this("POST", url, headers, body);
    }

    /** A GET without a body: how contacts are exported and searched. */
    public static HttpCall get(String url, Map<String, String> headers) {
        return new HttpCall("GET", url, headers, null);
    }

    public boolean isGet() {
        return method.equals("GET");
    }

    @Override
    public String toString() {
        return "HttpCall[" + method + " " + url + ", " + body.length + " bytes]";
    }
}
