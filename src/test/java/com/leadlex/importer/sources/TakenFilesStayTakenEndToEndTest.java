package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.system.StandaloneImporter;
import com.leadlex.importer.system.StartupStep;

/**
 * Files the three shipped sources took before they were made from templates stay taken: the keys
 * the old route files wrote into SOURCE_FILE_SEEN (a folder file by its absolute path) still count.
 * New folder files are recorded by their path inside the watched folder, so that nodes mounting a
 * shared folder at different places key a file alike. The old keys are recorded before the sources
 * start (a start-up step), beside files that are new.
 */
class TakenFilesStayTakenEndToEndTest {

    private static final Instant UPLOADED = Instant.ofEpochSecond(1_700_000_000);

    @TempDir
    Path workDir;

    @Test
    void filesRecordedUnderTheOldKeysAreNotTakenAgainAndNewFilesAreRecordedTheSameWay() throws IOException {
        KeyPair clientKeys = EmbeddedSftpServer.newKeyPair("RSA", 2048);
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(workDir.resolve("server"),
                EmbeddedSftpServer.newKeyPair("EC", 256), clientKeys.getPublic()).start(0)) {
            Path inboxOld = uploaded(workDir.resolve("inbox/cmp_old/old-inbox.csv"));
            Path nightlyOld = uploaded(workDir.resolve("nightly/old-nightly.csv"));
            Path partnerOld = uploaded(server.root().resolve("outbound/old-partner.csv"));
            uploaded(workDir.resolve("inbox/cmp_old/new-inbox.csv"));
            uploaded(workDir.resolve("nightly/new-nightly.csv"));
            uploaded(server.root().resolve("outbound/new-partner.csv"));
            List<String> oldKeys = List.of(
                    "inbox:" + inboxOld + ":" + Files.size(inboxOld) + ":" + UPLOADED.toEpochMilli(),
                    "nightly-pickup:" + nightlyOld + ":" + Files.size(nightlyOld) + ":" + UPLOADED.toEpochMilli(),
                    "partner-sftp:old-partner.csv:" + Files.size(partnerOld) + ":" + UPLOADED.toEpochMilli());
            Path privateKey = EmbeddedSftpServer.writePrivateKey(clientKeys, workDir.resolve("keys/id_rsa"));
            Path knownHosts = EmbeddedSftpServer.writeString(workDir.resolve("keys/known_hosts"),
                    server.knownHostsLine());

            try (ConfigurableApplicationContext app = StandaloneImporter.start(workDir, null,
                    context -> context.getBeanFactory().registerSingleton("oldKeys", new RecordKeys(context, oldKeys)),
                    "--leadlex.sandbox.campaigns=cmp_old",
                    "--leadlex.api-key=wbk_sandbox_unmetered",
                    "--importer.sources.nightly-pickup.enabled=true",
                    "--importer.sources.nightly-pickup.directory=" + workDir.resolve("nightly"),
                    "--importer.sources.nightly-pickup.cron=0/1 * * * * ?",
                    "--importer.sources.nightly-pickup.campaign=cmp_old",
                    "--importer.sources.partner-sftp.enabled=true",
                    "--importer.sources.partner-sftp.host=127.0.0.1",
                    "--importer.sources.partner-sftp.port=" + server.port(),
                    "--importer.sources.partner-sftp.private-key-file=" + privateKey,
                    "--importer.sources.partner-sftp.known-hosts-file=" + knownHosts,
                    "--importer.sources.partner-sftp.campaign=cmp_old",
                    "--importer.sources.partner-sftp.delay=200")) {
                ImportRepository imports = app.getBean(ImportRepository.class);
                await().atMost(Duration.ofSeconds(60)).until(() -> imports.findRecent(100).stream()
                        .filter(i -> i.status() == ImportStatus.COMPLETED).count() == 3);

                assertThat(imports.findRecent(100)).extracting(ImportRecord::fileName)
                        .containsExactlyInAnyOrder("new-inbox.csv", "new-nightly.csv", "new-partner.csv");
                assertThat(inboxOld).exists();
                assertThat(nightlyOld).exists();
                assertThat(partnerOld).exists();
                assertThat(app.getBean(JdbcTemplate.class).queryForList(
                        "SELECT messageId FROM SOURCE_FILE_SEEN WHERE processorName = 'sources'", String.class))
                        .contains(oldKeys.toArray(String[]::new))
                        .anyMatch(key -> key.startsWith("inbox:cmp_old/new-inbox.csv:"))
                        .anyMatch(key -> key.startsWith("nightly-pickup:new-nightly.csv:"))
                        .anyMatch(key -> key.startsWith("partner-sftp:new-partner.csv:"));
            }
        }
    }

    /** A list in place before start-up, last changed at a whole second (SFTP reports seconds). */
    private static Path uploaded(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "contact_id\n" + UUID.randomUUID() + "\n" + UUID.randomUUID() + "\n");
            Files.setLastModifiedTime(file, FileTime.from(UPLOADED));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records keys as the old route files did, after recovery and before any source starts. */
    private record RecordKeys(ConfigurableApplicationContext context, List<String> keys) implements StartupStep {

        @Override
        public String description() {
            return "test: record files taken before the sources were templates";
        }

        @Override
        public void run() {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            keys.forEach(key -> jdbc.update("INSERT INTO SOURCE_FILE_SEEN (processorName, messageId, createdAt) "
                    + "VALUES ('sources', ?, CURRENT_TIMESTAMP)", key));
        }
    }
}
