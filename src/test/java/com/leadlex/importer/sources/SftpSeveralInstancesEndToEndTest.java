package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.system.StandaloneImporter;

/**
 * Two importer instances on one database polling one SFTP folder, logging in with a password read
 * from a secrets folder (Spring's configtree): every list is taken by exactly one of them.
 */
class SftpSeveralInstancesEndToEndTest {

    @TempDir
    Path workDir;

    @Test
    void twoInstancesOnOneDatabaseTakeEachRemoteFileOnce() {
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(workDir.resolve("server"),
                EmbeddedSftpServer.newKeyPair("EC", 256), EmbeddedSftpServer.newKeyPair("RSA", 2048).getPublic())
                .start(0)) {
            server.acceptPassword("correct horse battery staple");
            Path secrets = workDir.resolve("secrets");
            EmbeddedSftpServer.writeString(secrets.resolve("importer.sources.partner-sftp.password"),
                    "correct horse battery staple");
            Path knownHosts = EmbeddedSftpServer.writeString(workDir.resolve("known_hosts"), server.knownHostsLine());

            try (ConfigurableApplicationContext one = start(server, secrets, knownHosts);
                    ConfigurableApplicationContext two = start(server, secrets, knownHosts)) {
                List<String> names = IntStream.range(0, 6).mapToObj(i -> "shared-" + i + ".csv").toList();
                names.forEach(name -> server.put("outbound/" + name, list()));

                ImportRepository imports = one.getBean(ImportRepository.class);
                await().atMost(Duration.ofSeconds(30)).until(() -> names.stream().allMatch(name ->
                        Files.exists(server.root().resolve("outbound/done/" + name))));
                await().atMost(Duration.ofSeconds(30)).until(() -> imports.findRecent(100).stream()
                        .filter(i -> i.status() == ImportStatus.COMPLETED).count() == names.size());

                assertThat(imports.findRecent(100)).extracting(ImportRecord::fileName)
                        .as("one import per file, none declared 'already imported' by the other instance")
                        .containsExactlyInAnyOrderElementsOf(names);
            }
        }
    }

    private ConfigurableApplicationContext start(EmbeddedSftpServer server, Path secrets, Path knownHosts) {
        return StandaloneImporter.start(workDir, null,
                "--spring.config.import=optional:configtree:" + secrets + "/",
                "--leadlex.sandbox.campaigns=cmp_shared",
                "--leadlex.api-key=wbk_sandbox_unmetered",
                "--leadlex.plan=unmetered",
                "--importer.resume-interrupted-on-startup=false",
                "--importer.sources.partner-sftp.enabled=true",
                "--importer.sources.partner-sftp.host=127.0.0.1",
                "--importer.sources.partner-sftp.port=" + server.port(),
                "--importer.sources.partner-sftp.username=" + EmbeddedSftpServer.USER,
                "--importer.sources.partner-sftp.known-hosts-file=" + knownHosts,
                "--importer.sources.partner-sftp.campaign=cmp_shared",
                "--importer.sources.partner-sftp.delay=100",
                "--importer.sources.partner-sftp.read-lock-check-interval=100",
                "--importer.sources.partner-sftp.read-lock-min-age=0");
    }

    private static String list() {
        StringBuilder csv = new StringBuilder("contact_id\n");
        for (int i = 0; i < 20; i++) {
            csv.append(UUID.randomUUID()).append('\n');
        }
        return csv.toString();
    }
}
