package com.leadlex.importer.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Posts webhook calls to a running importer over real HTTP, as a CRM would. */
public final class WebhookHttp {

    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":(\\d+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public WebhookHttp(int port) {
        this.port = port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** {@code headers} are name, value, name, value... */
    public HttpResponse<String> post(String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public HttpResponse<String> post(String path, String body, String... headers) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static long eventId(HttpResponse<String> response) {
        Matcher matcher = EVENT_ID.matcher(response.body());
        if (!matcher.find()) {
            throw new AssertionError("no eventId in " + response.statusCode() + " " + response.body());
        }
        return Long.parseLong(matcher.group(1));
    }

    /** A generic JSON body: {"campaign_id": ..., "contact_ids": [...], "source": "test"}. */
    public static String genericBody(String campaign, java.util.List<String> ids) {
        return "{\"campaign_id\":\"" + campaign + "\",\"contact_ids\":[\"" + String.join("\",\"", ids)
                + "\"],\"source\":\"test\"}";
    }
}
