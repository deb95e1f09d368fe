package com.leadlex.importer.importjob;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The machine's pace for the send phase: a list's IDs, 500 a request, posted one after the other
 * with a plain JDK HttpClient and nothing else (no staging, no database, no quota). The send-phase
 * benchmark runs it as a process of its own with the importer's heap, so that the two are compared
 * alike: each starts cold, reads the same list file and sends to the same sink. Prints
 * {@code <ids> <seconds> <second-half ids> <second-half seconds>}: the sending alone, and its second half
 * (from the answer that completed the first half of the IDs to the last), when the process is warm.
 * Arguments: the sink's base URL, the list file.
 */
public final class BareHttpLoop {

    private static final int CHUNK = 500;

    private BareHttpLoop() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(args[0] + "/v1/campaigns/cmp_bench/contacts");
        long ids = 0;
        long started = System.nanoTime();
        // when each request was answered, and how many IDs had gone by then: the second half is found afterwards
        long[] answeredAt = new long[1024];
        long[] idsBy = new long[1024];
        int requests = 0;
        try (BufferedReader list = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.US_ASCII)) {
            StringBuilder body = new StringBuilder();
            int inBody = 0;
            for (String id = list.readLine(); id != null; id = list.readLine()) {
                body.append(inBody == 0 ? "{\"contact_ids\":[\"" : ",\"").append(id).append('"');
                ids++;
                if (++inBody == CHUNK) {
                    send(client, uri, body);
                    body.setLength(0);
                    inBody = 0;
                    if (requests == answeredAt.length) {
                        answeredAt = Arrays.copyOf(answeredAt, requests * 2);
                        idsBy = Arrays.copyOf(idsBy, requests * 2);
                    }
                    answeredAt[requests] = System.nanoTime();
                    idsBy[requests++] = ids;
                }
            }
            if (inBody > 0) {
                send(client, uri, body);
            }
        }
        long ended = System.nanoTime();
        int half = 0;
        while (half < requests - 1 && idsBy[half] < ids / 2) {
            half++;
        }
        long secondHalfIds = requests == 0 ? 0 : ids - idsBy[half];
        long secondHalfFrom = requests == 0 ? started : answeredAt[half];
        System.out.println(ids + " " + (ended - started) / 1e9 + " " + secondHalfIds + " "
                + (ended - secondHalfFrom) / 1e9);
    }

    /** Closes {@code body} (the opening brace and the IDs so far), posts it and checks the answer. */
    static void send(HttpClient client, URI uri, StringBuilder body) throws IOException, InterruptedException {
        body.append("],\"source\":\"bare-loop\"}");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer wbk_benchmark").header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"added\"")) {
            throw new IllegalStateException("the sink answered " + response.statusCode() + ": " + response.body());
        }
    }
}
