package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.system.StandaloneImporter;

/**
 * The SFTP source across application restarts on one data directory (the JDBC idempotent
 * repository lives in its database), and with done-marker files, where a list is not taken before
 * its marker says the upload is complete.
 */
@ExtendWith(OutputCaptureExtension.class)
class SftpRestartEndToEndTest {

    private static final String SOURCE = "partner-sftp";

    @TempDir
    Path workDir;

    private EmbeddedSftpServer server;
    private Path privateKey;
    private Path knownHosts;

    @BeforeEach
    void startServer() {
        KeyedSftpServer sftp = KeyedSftpServer.start(workDir);
        server = sftp.server();
        privateKey = sftp.privateKey();
        knownHosts = sftp.knownHosts();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void aFileLeftOnTheServerIsNotImportedAgainAfterARestart() {
        server.refuseMoves(true);
        server.put("outbound/left-behind.csv", list(40));
        try (ConfigurableApplicationContext first = start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(first, "left-behind.csv") == ImportStatus.COMPLETED);
            await().atMost(Duration.ofSeconds(30)).until(() -> lastError(first).contains("permission denied"));
        }
        assertThat(server.root().resolve("outbound/left-behind.csv")).as("the move was refused").exists();

        try (ConfigurableApplicationContext second = start()) {
            SourceStatusRegistry sources = second.getBean(SourceStatusRegistry.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> sources.current(SOURCE).orElseThrow().polls() >= 3
                    && "ok".equals(sources.current(SOURCE).orElseThrow().state()));

            assertThat(second.getBean(ImportRepository.class).findRecent(100)).extracting(ImportRecord::fileName)
                    .as("no new import, not even one declared 'already imported'").containsExactly("left-behind.csv");
            assertThat(second.getBean(SandboxLeadLex.class).receivedRequests()).isEmpty();
            assertThat(sources.current(SOURCE).orElseThrow().filesPicked()).isZero();
        }
    }

    @Test
    void aHalfUploadedFileIsNotTakenUntilItsDoneMarkerArrives() throws IOException {
        try (ConfigurableApplicationContext app = start("--importer.sources.partner-sftp.done-file-name=$simple{file:name}.done")) {
            SourceStatusRegistry sources = app.getBean(SourceStatusRegistry.class);
            String[] halves = halves(list(300));
            server.put("outbound/uploading.csv", halves[0]);
            long pollsThen = sources.current(SOURCE).orElseThrow().polls();
            await().atMost(Duration.ofSeconds(30)).until(() -> sources.current(SOURCE).orElseThrow().polls() >= pollsThen + 3);
            assertThat(server.root().resolve("outbound/uploading.csv")).exists();
            assertThat(status(app, "uploading.csv")).isNull();

            Files.writeString(server.root().resolve("outbound/uploading.csv"), halves[1], StandardOpenOption.APPEND);
            server.put("outbound/uploading.csv.done", "");

            await().atMost(Duration.ofSeconds(30)).until(() -> status(app, "uploading.csv") == ImportStatus.COMPLETED);
            ImportRecord imported = app.getBean(ImportRepository.class).findRecent(10).get(0);
            assertThat(imported.validIds()).as("the whole list, not the half seen first").isEqualTo(300);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.exists(server.root().resolve("outbound/done/uploading.csv")));
            assertThat(server.root().resolve("outbound/uploading.csv.done")).doesNotExist();
        }
    }

    @Test
    void wrongCredentialsAreReportedInWordsAndTheApplicationKeepsRunning() {
        Path strangersKey = EmbeddedSftpServer.writePrivateKey(EmbeddedSftpServer.newKeyPair("RSA", 2048),
                workDir.resolve("keys/stranger"));
        server.put("outbound/unreachable.csv", list(5));
        try (ConfigurableApplicationContext app = start("--importer.sources.partner-sftp.private-key-file=" + strangersKey)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> lastError(app).startsWith("login refused"));

            assertThat(app.isRunning()).isTrue();
            assertThat(app.getBean(SourceStatusRegistry.class).current(SOURCE).orElseThrow().state())
                    .isEqualTo("failing");
            assertThat(status(app, "unreachable.csv")).isNull();
            assertThat(server.root().resolve("outbound/unreachable.csv")).exists();
        }
    }

    @Test
    void turningTheHostKeyCheckOffTakesAnExplicitSettingAndIsLoggedAsInsecure(CapturedOutput output) {
        EmbeddedSftpServer.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " "
                + PublicKeyEntry.toString(
                        EmbeddedSftpServer.newKeyPair("EC", 256).getPublic()) + "\n");
        server.put("outbound/unchecked.csv", list(5));
        try (ConfigurableApplicationContext app = start("--importer.sources.partner-sftp.strict-host-key-checking=no")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(app, "unchecked.csv") == ImportStatus.COMPLETED);

            assertThat(output.getOut()).contains("INSECURE: SFTP source partner-sftp does not verify the server's host key");
            assertThat(app.getBean(SourceStatusRegistry.class).current(SOURCE).orElseThrow().hostKeyChecked()).isFalse();
        }
    }

    private ConfigurableApplicationContext start(String... overrides) {
        List<String> settings = new ArrayList<>(List.of(
                "--leadlex.sandbox.campaigns=cmp_sftp_restart",
                "--leadlex.api-key=wbk_sandbox_unmetered",
                "--leadlex.plan=unmetered",
                "--importer.sources.partner-sftp.enabled=true",
                "--importer.sources.partner-sftp.host=127.0.0.1",
                "--importer.sources.partner-sftp.port=" + server.port(),
                "--importer.sources.partner-sftp.username=" + EmbeddedSftpServer.USER,
                "--importer.sources.partner-sftp.private-key-file=" + privateKey,
                "--importer.sources.partner-sftp.known-hosts-file=" + knownHosts,
                "--importer.sources.partner-sftp.campaign=cmp_sftp_restart",
                "--importer.sources.partner-sftp.delay=200",
                "--importer.sources.partner-sftp.read-lock-check-interval=200",
                "--importer.sources.partner-sftp.read-lock-min-age=0"));
        settings.addAll(List.of(overrides));
        return StandaloneImporter.start(workDir, null, settings.toArray(String[]::new));
    }

    private static ImportStatus status(ConfigurableApplicationContext app, String fileName) {
        return app.getBean(ImportRepository.class).findRecent(100).stream().filter(i -> fileName.equals(i.fileName()))
                .map(ImportRecord::status).findFirst().orElse(null);
    }

    private static String lastError(ConfigurableApplicationContext app) {
        String error = app.getBean(SourceStatusRegistry.class).current(SOURCE).orElseThrow().lastError();
        return error == null ? "" : error;
    }

    private static String list(int count) {
        StringBuilder csv = new StringBuilder("email,contact_id\n");
        for (int i = 0; i < count; i++) {
            csv.append("p").append(i).append("@example.com,").append(UUID.randomUUID()).append('\n');
        }
        return csv.toString();
    }

    private static String[] halves(String content) {
        int middle = content.indexOf('\n', content.length() / 2) + 1;
        return new String[] {content.substring(0, middle), content.substring(middle)};
    }
}
