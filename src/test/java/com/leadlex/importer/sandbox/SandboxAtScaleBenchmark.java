package com.leadlex.importer.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.LeadLexImporterApplication;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;

/**
 * The sandbox at scale: {@code requests} full requests of 500 IDs (default 2,000: a million
 * contacts in one campaign) over real HTTP, then a check that every one was enrolled and logged.
 * Prints requests per second and contacts per second; a benchmark, not a test, because a timed
 * assertion would fail on a busy machine. Run it as the README's "Develop" section shows.
 */
public final class SandboxAtScaleBenchmark {

    private static final int CHUNK = 500;

    private SandboxAtScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path workDir = Files.createTempDirectory("sandbox-benchmark-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LeadLexImporterApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--leadlex.sandbox.enabled=true",
                        "--importer.data-dir=" + workDir.resolve("data"), "--importer.inbox=" + workDir.resolve("inbox"),
                        "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            SandboxLeadLex sandbox = app.getBean(SandboxLeadLex.class);
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + port + "/sandbox/v1/campaigns/cmp_test/contacts");
            long started = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer wbk_sandbox_unmetered")
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body(i)))
                        .build();
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    throw new IllegalStateException("request " + i + " answered " + status);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            check(sandbox, requests);
            System.out.printf("%d requests of %d IDs in %.2f s: %.0f requests/s, %.0f contacts/s; all enrolled and logged%n",
                    requests, CHUNK, seconds, requests / seconds, requests * (double) CHUNK / seconds);
        }
    }

    private static void check(SandboxLeadLex sandbox, int requests) {
        int enrolled = sandbox.enrolledCount("cmp_test");
        List<ReceivedRequest> received = sandbox.receivedRequests();
        if (enrolled != requests * CHUNK || received.size() != requests
                || received.stream().anyMatch(r -> r.contactCount() != CHUNK || r.status() != 200)) {
            throw new IllegalStateException("lost something: " + enrolled + " enrolled, " + received.size() + " logged");
        }
    }

    /** 500 distinct, predictable IDs per request, written by hand: the client must not be the bottleneck. */
    private static String body(int request) {
        StringBuilder json = new StringBuilder(CHUNK * 40 + 40).append("{\"contact_ids\":[");
        for (int i = 0; i < CHUNK; i++) {
            json.append(i == 0 ? "\"" : ",\"").append(new UUID(request, i)).append('"');
        }
        return json.append("],\"source\":\"benchmark\"}").toString();
    }
}
