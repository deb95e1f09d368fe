package com.leadlex.importer.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.leadlex.importer.importjob.ImportIntegrationTest;
import com.leadlex.importer.importjob.ImportSummary;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.system.TestDatabase;

/**
 * Small lists dropped into the inbox share requests: each joins its campaign's pool, keeps its own
 * import, source tag and results, and costs LeadLex a share of a full request instead of one of its
 * own. The pool's wait runs on the manual clock, so "after max-wait" is a clock advance, not a sleep.
 */
@Tag(TestDatabase.TAG)
class PooledListsEndToEndTest extends ImportIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PooledListFollower pooledLists;

    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void poolSmallLists(DynamicPropertyRegistry registry) {
        registry.add("importer.pool.below", () -> "500");
        registry.add("importer.pool.max-wait", () -> MAX_WAIT.toString());
        registry.add("importer.webhooks.poll-interval", () -> "200ms");
        // a second folder whose lists are never pooled, however small
        registry.add("importer.sources.unpooled.kind", () -> "folder");
        registry.add("importer.sources.unpooled.directory", () -> "${importer.data-dir}-unpooled");
        registry.add("importer.sources.unpooled.campaign", () -> "cmp_pool_off");
        registry.add("importer.sources.unpooled.pool-below", () -> "0");
        registry.add("importer.sources.unpooled.read-lock-min-age", () -> "100");
        registry.add("importer.sources.unpooled.delay", () -> "200");
    }

    @Test
    void twentyListsOfFortyIdsForOneCampaignCostTwoRequestsAndEachKeepsItsOwnImportAndResults() throws IOException {
        String campaign = "cmp_pool_twenty";
        sandbox.createCampaign(campaign);
        Map<String, List<String>> idsByList = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            idsByList.put(String.format("small-%02d.csv", i), newIds(40));
        }

        idsByList.forEach((name, ids) -> drop(campaign, name, ids));
        await().atMost(Duration.ofSeconds(60)).until(() -> pooledIds(campaign) == 800);
        clock.advance(MAX_WAIT.plusSeconds(1));

        await().atMost(Duration.ofSeconds(60)).until(() -> importsOf(campaign).values().stream()
                .allMatch(record -> record.status() == ImportStatus.COMPLETED));
        List<ReceivedRequest> requests = requestsFor(campaign);
        assertThat(requests).hasSize(2).allSatisfy(request -> assertThat(request.source()).startsWith("import:pool:"));
        assertThat(requests.stream().mapToInt(ReceivedRequest::contactCount).sum()).isEqualTo(800);
        assertThat(sandbox.enrolledCount(campaign)).isEqualTo(800);
        Set<String> requestIds = requests.stream().map(ReceivedRequest::requestId).collect(Collectors.toSet());
        Set<String> pooledImports = new java.util.HashSet<>();
        for (Map.Entry<String, List<String>> list : idsByList.entrySet()) {
            ImportRecord record = importsOf(campaign).get(list.getKey());
            assertThat(record.sourceName()).isEqualTo("inbox");
            assertThat(record.sourceTag()).isEqualTo("import:inbox:" + list.getKey());
            assertThat(record.validIds()).isEqualTo(40);
            ImportSummary summary = summaries.describe(record);
            assertThat(summary.added()).as("the API's count").isEqualTo(40);
            assertThat(summary.requests()).isEqualTo(1);
            assertThat(summary.chunksDone()).isEqualTo(summary.chunksTotal());
            List<CSVRecord> rows = results(record);
            assertThat(rows).hasSize(40);
            assertThat(rows).extracting(row -> row.get("contact_id")).containsExactlyElementsOf(list.getValue());
            assertThat(rows).allSatisfy(row -> {
                assertThat(row.get("outcome")).isEqualTo("added");
                assertThat(row.get("chunk")).isEqualTo("1");
                assertThat(requestIds).contains(row.get("request_id"));
            });
            Set<String> pooledImport = rows.stream().map(row -> row.get("pooled_import")).collect(Collectors.toSet());
            assertThat(pooledImport).as("one list, one pooled import").hasSize(1);
            pooledImports.addAll(pooledImport);
        }
        assertThat(pooledImports).hasSize(2).allSatisfy(id -> {
            ImportRecord pooled = imports.findById(Long.parseLong(id)).orElseThrow();
            assertThat(pooled.sourceName()).isEqualTo("pool");
            assertThat(pooled.status()).isEqualTo(ImportStatus.COMPLETED);
        });

        // written again on request (POST /api/imports/{id}/results): the same, from the pooled import
        ImportRecord first = importsOf(campaign).get("small-00.csv");
        List<String> written = lines(resultsFile(first));
        assertThat(pooledLists.writeAgain(first)).contains(resultsFile(first));
        assertThat(lines(resultsFile(first))).isEqualTo(written);

        // the same list again, under another name: recognised, nothing pooled or sent
        drop(campaign, "small-00-again.csv", idsByList.get("small-00.csv"));
        await().atMost(Duration.ofSeconds(30)).until(() -> importsOf(campaign).containsKey("small-00-again.csv"));
        ImportRecord again = importsOf(campaign).get("small-00-again.csv");
        assertThat(again.status()).isEqualTo(ImportStatus.ALREADY_IMPORTED);
        assertThat(again.duplicateOf()).isEqualTo(importsOf(campaign).get("small-00.csv").id());
        assertThat(requestsFor(campaign)).hasSize(2);
    }

    @Test
    void aListWaitsInItsPoolUntilMaxWaitThenGoesWithWhateverElseIsPending() throws IOException {
        String campaign = "cmp_pool_wait";
        sandbox.createCampaign(campaign);

        drop(campaign, "alone.csv", newIds(25));
        await().atMost(Duration.ofSeconds(30)).until(() -> pooledIds(campaign) == 25);
        ImportRecord waiting = importsOf(campaign).get("alone.csv");
        assertThat(waiting.status()).isEqualTo(ImportStatus.POOLED);
        assertThat(summaries.describe(waiting).statusText()).contains("pool");
        // several polls of the pool go by: not due before max-wait
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> requestsFor(campaign).isEmpty());

        clock.advance(MAX_WAIT.plusSeconds(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> importsOf(campaign).get("alone.csv").status()
                == ImportStatus.COMPLETED);
        assertThat(requestsFor(campaign)).extracting(ReceivedRequest::contactCount).containsExactly(25);
    }

    @Test
    void aListWhoseIdsNeverReachedThePoolIsPutInAgainFromItsStagedCopy() throws IOException {
        String campaign = "cmp_pool_lost";
        sandbox.createCampaign(campaign);
        drop(campaign, "lost.csv", newIds(12));
        await().atMost(Duration.ofSeconds(30)).until(() -> pooledIds(campaign) == 12);
        long listImport = importsOf(campaign).get("lost.csv").id();
        // what a crash between registering the list and writing its IDs leaves behind
        jdbc.update("DELETE FROM WEBHOOK_CONTACT WHERE LIST_IMPORT_ID = ?", listImport);

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM WEBHOOK_CONTACT WHERE LIST_IMPORT_ID = ?", Integer.class, listImport) == 12);
        clock.advance(MAX_WAIT.plusSeconds(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> importsOf(campaign).get("lost.csv").status()
                == ImportStatus.COMPLETED);
        assertThat(sandbox.enrolledCount(campaign)).isEqualTo(12);
        assertThat(requestsFor(campaign)).hasSize(1);
    }

    @Test
    void whenThePooledImportFailsEachListFailsWithItsReasonAndNothingSent() throws IOException {
        String campaign = "cmp_pool_unknown";

        drop(campaign, "nowhere.csv", newIds(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> pooledIds(campaign) == 5);
        clock.advance(MAX_WAIT.plusSeconds(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> importsOf(campaign).get("nowhere.csv").status()
                == ImportStatus.FAILED);
        ImportRecord failed = importsOf(campaign).get("nowhere.csv");
        assertThat(failed.lastErrorCode()).isEqualTo("campaign_not_found");
        assertThat(failed.lastError()).startsWith("pooled import ");
        assertThat(results(failed)).hasSize(5).allSatisfy(row -> {
            assertThat(row.get("outcome")).isEqualTo("not_sent");
            assertThat(row.get("pooled_import")).isNotEmpty();
        });
    }

    @Test
    void aListAtOrAboveBelowIsImportedOnItsOwn() throws IOException {
        String campaign = "cmp_pool_big";
        sandbox.createCampaign(campaign);

        drop(campaign, "exactly-500.csv", newIds(500));

        await().atMost(Duration.ofSeconds(60)).until(() -> importsOf(campaign).containsKey("exactly-500.csv")
                && importsOf(campaign).get("exactly-500.csv").status() == ImportStatus.COMPLETED);
        assertThat(requestsFor(campaign)).singleElement().satisfies(request -> {
            assertThat(request.source()).isEqualTo("import:inbox:exactly-500.csv");
            assertThat(request.contactCount()).isEqualTo(500);
        });
    }

    @Test
    void aSourceWithPoolBelowZeroNeverPools() throws IOException {
        sandbox.createCampaign("cmp_pool_off");
        Path folder = Files.createDirectories(Path.of(properties.dataDir() + "-unpooled"));

        Files.move(csvList("tiny.csv", newIds(3)), folder.resolve("tiny.csv"));

        await().atMost(Duration.ofSeconds(60)).until(() -> importsOf("cmp_pool_off").containsKey("tiny.csv")
                && importsOf("cmp_pool_off").get("tiny.csv").status() == ImportStatus.COMPLETED);
        assertThat(requestsFor("cmp_pool_off")).singleElement()
                .satisfies(request -> assertThat(request.source()).isEqualTo("import:unpooled:tiny.csv"));
    }

    @Test
    void aListImportedAsTheCommandLineDoesIsNeverPooled() {
        String campaign = "cmp_pool_cli";
        sandbox.createCampaign(campaign);

        ImportRecord record = importNow(csvList("cli-small.csv", newIds(7)), campaign, false);

        assertThat(record.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(requestsFor(campaign)).singleElement()
                .satisfies(request -> assertThat(request.source()).isEqualTo("import:test:cli-small.csv"));
    }

    private void drop(String campaign, String name, List<String> ids) {
        try {
            Path folder = Files.createDirectories(inbox().resolve(campaign));
            Files.move(csvList(name, ids), folder.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * IDs put in the campaign's pool, sent or not: once a list's are all there, its wait has begun (its
     * import is registered a moment before, so a clock advanced then could miss the list's wait).
     */
    private int pooledIds(String campaign) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM WEBHOOK_CONTACT WHERE CAMPAIGN_ID = ? "
                + "AND LIST_IMPORT_ID IS NOT NULL", Integer.class, campaign);
    }

    private Map<String, ImportRecord> importsOf(String campaign) {
        return imports.findPage(campaign, null, null, 0, 1_000).stream()
                .filter(record -> !"pool".equals(record.sourceName()))
                .collect(Collectors.toMap(ImportRecord::fileName, Function.identity(), (newer, older) -> newer));
    }

    private List<CSVRecord> results(ImportRecord record) throws IOException {
        try (var reader = Files.newBufferedReader(resultsFile(record))) {
            return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords());
        }
    }
}
