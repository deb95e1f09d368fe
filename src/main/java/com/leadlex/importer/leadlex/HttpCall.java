package com.leadlex.importer.leadlex;

import java.util.Map;

/**
 * One HTTP POST as the transport must send it: the full URL, exactly these headers, and the body.
 * {@link #toString()} leaves the headers out, since one of them carries the API key.
 */
public record HttpCall(String url, Map<String, String> headers, byte[] body) {

    public HttpCall {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "HttpCall[POST " + url + ", " + body.length + " bytes]";
    }
}
