package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.intake.ContactListIntake;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.system.StandaloneImporter;
import com.leadlex.importer.system.TestDatabase;

/**
 * Two importers on one database, in real time, each with a list of its own on a key that allows 6
 * requests a minute: together they send 6 in a minute and draw no 429 from LeadLex (played by the
 * first node's sandbox, which counts what both send). Before, each node paced to 6 on its own and
 * the 8 requests went out in the first minute.
 */
@Tag(TestDatabase.TAG)
class QuotaSharedByNodesEndToEndTest {

    private static final String KEY = "wbk_two_nodes_0001";
    private static final String CAMPAIGN = "cmp_two_nodes";
    private static final int PER_MINUTE = 6;

    @TempDir
    Path workDir;

    @Test
    void twoNodesOnOneKeySendSixAMinuteTogetherAndDrawNo429() throws Exception {
        assumeTrue(TestDatabase.usable(), "no PostgreSQL (required under CI=true)");
        List<String> database = sharedDatabase();
        try (ConfigurableApplicationContext first = start("first", database, List.of());
                ConfigurableApplicationContext second = start("second", database, List.of(
                        "--leadlex.base-url=http://127.0.0.1:" + first.getEnvironment().getProperty("local.server.port")
                                + "/sandbox"))) {
            long fromFirst = importInBackground(first, list("first", 4));
            long fromSecond = importInBackground(second, list("second", 4));

            await().atMost(Duration.ofMinutes(3)).until(() -> status(first, fromFirst) == ImportStatus.COMPLETED
                    && status(second, fromSecond) == ImportStatus.COMPLETED);

            List<ReceivedRequest> received = first.getBean(SandboxLeadLex.class).receivedRequests();
            assertThat(received).as("one request per contact, none refused").hasSize(8)
                    .extracting(ReceivedRequest::status).containsOnly(200);
            Map<Instant, Integer> perMinute = new TreeMap<>();
            received.forEach(request -> perMinute.merge(request.receivedAt().truncatedTo(ChronoUnit.MINUTES), 1,
                    Integer::sum));
            assertThat(perMinute.values()).as("requests per minute: %s", perMinute).allSatisfy(
                    count -> assertThat(count).isLessThanOrEqualTo(PER_MINUTE));
            assertThat(first.getBean(SandboxLeadLex.class).enrolledCount(CAMPAIGN)).isEqualTo(8);
        }
    }

    /** PostgreSQL: a fresh schema; H2: one file that both nodes, in this one JVM, open. */
    private List<String> sharedDatabase() throws SQLException {
        if (TestDatabase.isPostgres()) {
            return TestDatabase.arguments();
        }
        return List.of("--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("shared").toAbsolutePath()
                + "/importer;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }

    private ConfigurableApplicationContext start(String node, List<String> database, List<String> more) {
        List<String> settings = new ArrayList<>(List.of(
                "--leadlex.sandbox.campaigns=" + CAMPAIGN,
                "--leadlex.sandbox.keys[0].key=" + KEY,
                "--leadlex.sandbox.keys[0].permissions[0]=campaigns:write",
                "--leadlex.sandbox.keys[0].requests-per-minute=" + PER_MINUTE,
                "--leadlex.api-key=" + KEY,
                "--leadlex.requests-per-minute=" + PER_MINUTE,
                "--importer.chunk-size=1"));
        settings.addAll(database);
        settings.addAll(more);
        return StandaloneImporter.start(workDir.resolve(node), null, settings.toArray(String[]::new));
    }

    private static long importInBackground(ConfigurableApplicationContext node, Path list) throws IOException {
        try (InputStream content = Files.newInputStream(list)) {
            return node.getBean(ContactListIntake.class)
                    .accept(content, list.getFileName().toString(), CAMPAIGN, "test", false, false)
                    .launch().importId();
        }
    }

    private static ImportStatus status(ConfigurableApplicationContext node, long importId) {
        return node.getBean(ImportRepository.class).findById(importId).orElseThrow().status();
    }

    private Path list(String name, int count) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        Files.createDirectories(workDir.resolve("lists"));
        return Files.write(workDir.resolve("lists").resolve(name + ".txt"), lines);
    }
}
