package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.leadlex.importer.importjob.ImportIntegrationTest;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;

/**
 * The SFTP source partner-sftp (routes/sftp-source.camel.yaml) against a real SFTP server in this
 * process: key authentication, the server's host key pinned in a known_hosts file, lists imported
 * into the sandbox over HTTP and moved on the server; an impostor key, an outage and a refused move
 * are each reported in the source's status and ridden out.
 */
// its own context, closed afterwards: nothing keeps polling a server that is gone or firing a cron
@DirtiesContext
class SftpPickupEndToEndTest extends ImportIntegrationTest {

    private static final String SOURCE = "partner-sftp";
    private static final String CAMPAIGN = "cmp_sftp";

    private static Path serverDir;
    private static KeyPair clientKeys;
    private static EmbeddedSftpServer server;

    @Autowired
    private SourceStatusRegistry sources;
    @LocalServerPort
    private int httpPort;

    @DynamicPropertySource
    static void sftpServer(DynamicPropertyRegistry registry) throws IOException {
        serverDir = Files.createTempDirectory("sftp-it-");
        clientKeys = EmbeddedSftpServer.newKeyPair("RSA", 2048);
        server = new EmbeddedSftpServer(serverDir.resolve("home"), EmbeddedSftpServer.newKeyPair("EC", 256),
                clientKeys.getPublic()).start(0);
        Path privateKey = EmbeddedSftpServer.writePrivateKey(clientKeys, serverDir.resolve("keys/id_rsa"));
        Path knownHosts = EmbeddedSftpServer.writeString(serverDir.resolve("keys/known_hosts"), server.knownHostsLine());
        String prefix = "importer.sources." + SOURCE + ".";
        registry.add(prefix + "enabled", () -> "true");
        registry.add(prefix + "host", () -> "127.0.0.1");
        registry.add(prefix + "port", () -> server.port());
        registry.add(prefix + "username", () -> EmbeddedSftpServer.USER);
        registry.add(prefix + "directory", () -> "outbound");
        registry.add(prefix + "private-key-file", privateKey::toString);
        registry.add(prefix + "known-hosts-file", knownHosts::toString);
        registry.add(prefix + "campaign", () -> CAMPAIGN);
        registry.add(prefix + "delay", () -> "200");
        registry.add(prefix + "read-lock-check-interval", () -> "200");
        registry.add(prefix + "read-lock-min-age", () -> "0");
        registry.add(prefix + "backoff-multiplier", () -> "2");
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void aListPlacedOnTheServerIsEnrolledAndMovedToDoneOnTheServer() throws Exception {
        sandbox.createCampaign(CAMPAIGN);
        List<String> ids = newIds(600);

        server.put("outbound/partner-list.csv", csv(ids));

        Path done = server.root().resolve("outbound/done/partner-list.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(done));
        await().atMost(Duration.ofSeconds(30)).until(() -> completed("partner-list.csv"));
        assertThat(server.root().resolve("outbound/partner-list.csv")).doesNotExist();
        assertThat(sandbox.enrolledCount(CAMPAIGN)).isGreaterThanOrEqualTo(600);
        assertThat(importOf("partner-list.csv").sourceName()).isEqualTo(SOURCE);
        assertThat(requestsFor(CAMPAIGN)).extracting(r -> r.source()).contains("import:partner-sftp:partner-list.csv");
        SourceStatus status = sources.current(SOURCE).orElseThrow();
        assertThat(status.state()).isEqualTo("ok");
        assertThat(status.hostKeyChecked()).isTrue();
        assertThat(status.filesPicked()).isGreaterThanOrEqualTo(1);
        assertThat(get("/api/sources")).contains("\"source\":\"partner-sftp\"", "\"hostKeyChecked\":true",
                "\"endpoint\":\"sftp://127.0.0.1:" + server.port() + "/outbound\"");
    }

    @Test
    void aServerPresentingAnotherHostKeyIsRefusedAndNothingIsImported() throws Exception {
        sandbox.createCampaign(CAMPAIGN);
        int port = server.port();
        server.stop();
        try (EmbeddedSftpServer impostor = new EmbeddedSftpServer(serverDir.resolve("impostor"),
                EmbeddedSftpServer.newKeyPair("EC", 256), clientKeys.getPublic()).start(port)) {
            impostor.put("outbound/from-impostor.csv", csv(newIds(10)));

            await().atMost(Duration.ofSeconds(30)).until(() -> lastError().contains("host key REFUSED"));
            assertThat(sources.current(SOURCE).orElseThrow().state()).isEqualTo("failing");
            assertThat(get("/api/sources/" + SOURCE)).contains("\"state\":\"failing\"", "host key REFUSED");
            assertThat(sourcesHealth()).as("a failing SFTP source turns its own health group FAILING")
                    .contains("\"status\":\"FAILING\"", "\"" + SOURCE + "\":\"failing", "host key REFUSED");
            assertThat(health("/actuator/health").statusCode()).as("the importer as a whole stays UP: %s",
                    health("/actuator/health").body()).isEqualTo(200);
            assertThat(health("/actuator/health").body()).endsWith("\"status\":\"UP\"}");
            assertThat(health("/actuator/health/sources-probe").statusCode()).as("its own group").isEqualTo(503);
            assertThat(health("/actuator/health/sources-probe").body()).contains("\"status\":\"FAILING\"");
            assertThat(health("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(health("/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(get("/actuator/prometheus")).as("and its own metric says so")
                    .contains("importer_source_failing{source=\"" + SOURCE + "\"} 1.0");
            assertThat(impostor.root().resolve("outbound/from-impostor.csv")).exists();
            assertThat(importOf("from-impostor.csv")).isNull();
        } finally {
            server.start(port);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "ok".equals(sources.current(SOURCE).orElseThrow().state()));
        assertThat(sourcesHealth()).contains("\"status\":\"UP\"");
    }

    @Test
    void theServerGoingAwayAndComingBackIsRiddenOut() {
        sandbox.createCampaign(CAMPAIGN);
        int port = server.port();
        server.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> lastError().contains("server unreachable"));
        SourceStatus down = sources.current(SOURCE).orElseThrow();
        assertThat(down.state()).isEqualTo("failing");
        assertThat(down.consecutiveFailures()).isGreaterThanOrEqualTo(1);

        server.put("outbound/after-outage.csv", csv(newIds(20)));
        server.start(port);

        await().atMost(Duration.ofSeconds(30)).until(() -> completed("after-outage.csv"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(server.root().resolve("outbound/done/after-outage.csv")));
        assertThat(sources.current(SOURCE).orElseThrow().state()).isEqualTo("ok");
    }

    @Test
    void aRefusedMoveOnTheServerIsReportedAndTheFileIsNotImportedAgain() {
        sandbox.createCampaign(CAMPAIGN);
        server.refuseMoves(true);
        try {
            server.put("outbound/stuck.csv", csv(newIds(30)));

            await().atMost(Duration.ofSeconds(30)).until(() -> lastError().contains("permission denied"));
            await().atMost(Duration.ofSeconds(30)).until(() -> completed("stuck.csv"));
            long pollsThen = sources.current(SOURCE).orElseThrow().polls();
            await().atMost(Duration.ofSeconds(30)).until(() -> sources.current(SOURCE).orElseThrow().polls() >= pollsThen + 3);

            assertThat(server.root().resolve("outbound/stuck.csv")).exists();
            assertThat(imports.findRecent(100)).filteredOn(i -> "stuck.csv".equals(i.fileName())).hasSize(1);
            assertThat(lastError()).contains("stuck.csv");
        } finally {
            server.refuseMoves(false);
        }
    }

    @Test
    void aListThatCannotBeStagedIsMovedToFailedOnTheServerWithItsReportAndIsListedAsRejected() throws Exception {
        server.put("outbound/no-ids.csv", "name\nAda Lovelace\n");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(server.root().resolve("outbound/failed/no-ids.csv")));
        assertThat(importOf("no-ids.csv")).isNull();
        assertThat(Path.of("outbound")).as("the server's folder name is no local folder").doesNotExist();
        Path report = server.root().resolve("outbound/failed/no-ids.csv.error.txt");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report));
        assertThat(Files.readString(report)).contains("File:     no-ids.csv", "Nothing from this file was imported");
        assertThat(lastError()).startsWith("last file rejected: no-ids.csv: ");
        assertThat(get("/api/rejected-files?source=" + SOURCE)).contains("\"fileName\":\"no-ids.csv\"",
                "\"routeId\":\"" + SOURCE + "\"", "\"reportLocation\":\"sftp://", "failed/no-ids.csv.error.txt");
    }

    private String lastError() {
        String error = sources.current(SOURCE).orElseThrow().lastError();
        return error == null ? "" : error;
    }

    private boolean completed(String fileName) {
        ImportRecord record = importOf(fileName);
        return record != null && record.status() == ImportStatus.COMPLETED;
    }

    private ImportRecord importOf(String fileName) {
        return imports.findRecent(100).stream().filter(i -> fileName.equals(i.fileName())).findFirst().orElse(null);
    }

    /** /actuator/health/sources, whatever its status code (503 when FAILING or DOWN). */
    private String sourcesHealth() throws IOException, InterruptedException {
        return health("/actuator/health/sources").body();
    }

    private HttpResponse<String> health(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

        private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String csv(List<String> ids) {
        return "email,contact_id\n" + String.join("\n", ids.stream().map(id -> "x@example.com," + id).toList()) + "\n";
    }
}
