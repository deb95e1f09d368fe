package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.system.PostgresTestDatabase;
import com.leadlex.importer.system.StandaloneImporter;
import com.leadlex.importer.system.TcpProxy;
import com.leadlex.importer.system.TestDatabase;

/**
 * PostgreSQL goes away for eight seconds in the middle of an import (every connection dropped, new
 * ones refused, as in a restart of the server), then comes back: the import goes on by itself and
 * completes, every ID enrolled, and no Spring Batch execution is left UNKNOWN or running. Only on
 * PostgreSQL: the embedded H2 cannot go away without the importer.
 */
@Tag(TestDatabase.TAG)
class DatabaseOutageEndToEndTest {

    private static final int IDS = 1_000;

    @TempDir
    Path workDir;

    @BeforeAll
    static void onPostgreSql() {
        assumeTrue(TestDatabase.isPostgres() && TestDatabase.usable(), "a PostgreSQL run");
    }

    @Test
    void anImportWaitsOutADatabaseOutageAndCompletesByItself() throws Exception {
        try (TcpProxy database = TcpProxy.to(postgresHost(), postgresPort())) {
            List<String> settings = new ArrayList<>(List.of(
                    "--leadlex.api-key=wbk_sandbox_unmetered",
                    "--leadlex.sandbox.campaigns=cmp_outage",
                    "--leadlex.sandbox.latency=40ms",
                    "--importer.chunk-size=10",
                    "--importer.lease-ttl=3s",
                    "--spring.datasource.hikari.connection-timeout=1000"));
            String url = null;
            for (String setting : TestDatabase.arguments()) {
                if (setting.startsWith("--spring.datasource.url=")) {
                    url = setting.substring("--spring.datasource.url=".length());
                    setting = "--spring.datasource.url=" + url.replace(hostAndPort(), "127.0.0.1:" + database.port());
                }
                settings.add(setting);
            }
            try (ConfigurableApplicationContext importer = StandaloneImporter.start(workDir, null,
                    settings.toArray(String[]::new))) {
                ImportRepository imports = importer.getBean(ImportRepository.class);
                ImportChunkRepository chunks = importer.getBean(ImportChunkRepository.class);
                dropList();
                await().atMost(Duration.ofMinutes(1)).until(() -> imports.findRecent(1).stream()
                        .anyMatch(i -> chunks.findByImport(i.id()).size() >= 10));
                long importId = imports.findRecent(1).get(0).id();

                database.cut();
                await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofMinutes(1))
                        .until(() -> database.refusedConnections() > 0);
                database.restore();

                // the importer's own pool needs a moment to find the database again: a failed look is no answer
                await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> imports.findById(importId)
                        .map(ImportRecord::status).orElseThrow() == ImportStatus.COMPLETED);
                assertThat(importer.getBean(SandboxLeadLex.class).enrolledCount("cmp_outage")).isEqualTo(IDS);
                assertThat(executionStatuses(url)).as("no execution left UNKNOWN or running")
                        .doesNotContain("UNKNOWN", "STARTING", "STARTED", "STOPPING").contains("COMPLETED");
            }
        }
    }

    private void dropList() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < IDS; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        Path list = Files.write(Files.createDirectories(workDir.resolve("inbox").resolve("cmp_outage"))
                .resolve("outage.txt"), lines);
        Files.setLastModifiedTime(list, FileTime.from(Instant.now().minusSeconds(60)));
    }

    private static List<String> executionStatuses(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, PostgresTestDatabase.USER, "")) {
            return new JdbcTemplate(new SingleConnectionDataSource(connection, true))
                    .queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION", String.class);
        }
    }

    private static String hostAndPort() {
        String afterScheme = PostgresTestDatabase.URL.substring(PostgresTestDatabase.URL.indexOf("//") + 2);
        return afterScheme.substring(0, afterScheme.indexOf('/'));
    }

    private static String postgresHost() {
        String hostAndPort = hostAndPort();
        return hostAndPort.contains(":") ? hostAndPort.substring(0, hostAndPort.indexOf(':')) : hostAndPort;
    }

    private static int postgresPort() {
        String hostAndPort = hostAndPort();
        return hostAndPort.contains(":") ? Integer.parseInt(hostAndPort.substring(hostAndPort.indexOf(':') + 1)) : 5432;
    }
}
