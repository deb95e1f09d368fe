package com.leadlex.importer.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to the sandbox, the way the importer's client makes them. */
final class SandboxHttp {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String root;
    private final String base;

    SandboxHttp(int port) {
        this.root = "http://localhost:" + port;
        this.base = root + "/sandbox/v1/campaigns/";
    }

    HttpResponse<String> addContacts(String key, String campaignId, List<String> contactIds) {
        return post(key, campaignId, JSON.writeValueAsString(Map.of("contact_ids", contactIds, "source", "test")));
    }

    HttpResponse<String> post(String key, String campaignId, String body) {
        return post(key, campaignId, body, Duration.ofSeconds(30));
    }

    /** Posts {@code body} as is; a null key sends no Authorization header. */
    HttpResponse<String> post(String key, String campaignId, String body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + campaignId + "/contacts"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    /** A GET of {@code pathAndQuery} under the sandbox's API ({@code /sandbox/v1...}); a null key sends none. */
    HttpResponse<String> get(String key, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + "/sandbox/v1" + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    /** A POST of {@code body} as JSON to {@code path} under the sandbox's API; a null key sends none. */
    HttpResponse<String> postTo(String key, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + "/sandbox/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    /** Any method to any path of the application, without a body. */
    HttpResponse<String> send(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(root + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The {@code error.code} of an error response. */
    static String errorCode(HttpResponse<String> response) {
        return json(response).path("error").path("code").asString();
    }

    static List<String> randomIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
    }
}
