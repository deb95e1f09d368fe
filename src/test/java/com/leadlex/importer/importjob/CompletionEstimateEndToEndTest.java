package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import com.leadlex.importer.intake.DryRunReport;
import com.leadlex.importer.intake.ImportDryRun;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.sandbox.SandboxProperties;
import com.leadlex.importer.system.TestDatabase;
import com.leadlex.importer.web.ApiClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "When will it finish?" answered the same by the dry run, the API and the imports themselves, on a
 * key allowing 1 request a minute and 2 a UTC day, with chunks of 10 IDs, on the manual clock (Thursday
 * 26 November, 10:00 UTC): 6 chunks alone finish two UTC days from now; a chunk waiting for the next
 * minute shows as waiting, not running; a quota pause is a state with its date; a second list on the
 * key takes turns with the first, and both estimates say when. On both databases: the plan reads the
 * unfinished imports and their waits from the registry.
 */
@Tag(TestDatabase.TAG)
@TestPropertySource(properties = {
        "leadlex.api-key=" + CompletionEstimateEndToEndTest.KEY,
        "leadlex.requests-per-minute=1",
        "leadlex.requests-per-day=2",
        "importer.chunk-size=10"})
class CompletionEstimateEndToEndTest extends ImportIntegrationTest {

    static final String KEY = "wbk_sandbox_one_a_minute_two_a_day";
    private static final String CAMPAIGN = "cmp_eta";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ImportDryRun dryRun;
    @Value("${local.server.port}")
    int port;

    @BeforeEach
    void aKeyWithATinyQuota() {
        sandbox.addKey(new SandboxProperties.Key(KEY, List.of(SandboxProperties.WRITE_PERMISSION), 1, 2));
        sandbox.createCampaign(CAMPAIGN);
    }

    @Test
    void theDryRunTheApiAndTheImportsAgreeOnWhenListsSharingAKeyFinish() throws Exception {
        Path six = csvList("six-chunks.csv", newIds(60));
        Instant saturday = Instant.parse("2026-11-28T00:01:00Z");

        // before anything is sent: 10:00 and 10:01 today, 00:00 and 00:01 on Friday and on Saturday
        DryRunReport predicted = check(six);
        assertThat(predicted.requests()).isEqualTo(6);
        assertThat(predicted.eta()).isEqualTo(saturday);
        assertThat(predicted.estimate()).startsWith("finishes ~Sat 28 Nov 00:01 UTC (in 1 d 14 h) at 1 request "
                + "a minute, 2 requests a UTC day");
        assertThat(requestsFor(CAMPAIGN)).isEmpty();

        // the first chunk goes at once; the second waits in the import's thread for 10:01
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        clock.beforeEachWait(wait -> {
            if (wait.compareTo(Duration.ofSeconds(1)) > 0) {
                waiting.countDown();
                goOn.await();
            }
        });
        long first;
        try {
            first = startInBackground(six, CAMPAIGN);
            assertThat(waiting.await(30, TimeUnit.SECONDS)).as("the second chunk waits for its minute").isTrue();

            JsonNode whileWaiting = summary(first);
            assertThat(whileWaiting.get("status").asString()).isEqualTo("RUNNING");
            assertThat(whileWaiting.get("statusText").asString()).isEqualTo("waiting for quota until 10:01:00 UTC");
            assertThat(whileWaiting.get("quotaWaitUntil").asString()).isEqualTo("2026-11-26T10:01:00Z");
            assertThat(whileWaiting.get("eta").asString()).isEqualTo(saturday.toString());
            assertThat(chunks.findByImport(first).get(1).status()).isEqualTo(ChunkStatus.WAITING_FOR_QUOTA);
        } finally {
            clock.beforeEachWait(null);
            goOn.countDown();
        }

        // the third chunk finds the day's two requests used: a pause until midnight, shown as a state
        await().atMost(Duration.ofSeconds(30)).until(() -> summary(first).get("status").asString().equals("PAUSED"));
        JsonNode paused = summary(first);
        assertThat(paused.get("statusText").asString()).isEqualTo("paused until Fri 27 Nov 00:00 UTC");
        assertThat(paused.get("quotaWaitUntil").isNull()).isTrue();
        assertThat(paused.get("requestsLeft").asLong()).isEqualTo(4);
        assertThat(paused.get("eta").asString()).isEqualTo(saturday.toString());
        assertThat(paused.get("etaText").asString()).isEqualTo("finishes ~Sat 28 Nov 00:01 UTC (in 1 d 14 h)");
        assertThat(paused.get("lastError").asString()).contains("at Fri 27 Nov 00:00 UTC", "in 13 h 59 min")
                .doesNotContain("PT");
        assertThat(chunks.findByImport(first)).extracting(chunk -> chunk.status())
                .containsExactly(ChunkStatus.SENT, ChunkStatus.SENT, ChunkStatus.WAITING_FOR_QUOTA);

        // a second list takes turns with the first: Friday, Saturday and Sunday at 00:01
        Path three = csvList("three-chunks.csv", newIds(30));
        DryRunReport secondPredicted = check(three);
        Instant sunday = Instant.parse("2026-11-29T00:01:00Z");
        assertThat(secondPredicted.eta()).isEqualTo(sunday);
        assertThat(secondPredicted.estimate()).contains("2 of today's 2 already used",
                "taking turns with 1 unfinished import(s) on the key");
        long second = importNow(three, CAMPAIGN, false).id();

        JsonNode list = JSON.readTree(ApiClient.anonymous(port).get("/api/imports").body());
        assertThat(eta(list, second)).isEqualTo(sunday.toString());
        assertThat(eta(list, first)).as("the first one's last chunk comes after the second's last")
                .isEqualTo("2026-11-30T00:00:00Z");
        assertThat(summary(second).get("requestsLeft").asLong()).isEqualTo(3);
        assertThat(requestsFor(CAMPAIGN)).hasSize(2);
    }

    private DryRunReport check(Path list) {
        try (InputStream content = Files.newInputStream(list)) {
            return dryRun.check(content, list.getFileName().toString(), CAMPAIGN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode summary(long id) {
        return JSON.readTree(ApiClient.anonymous(port).get("/api/imports/" + id).body());
    }

    private static String eta(JsonNode list, long id) {
        for (JsonNode item : list) {
            if (item.get("id").asLong() == id) {
                return item.get("eta").asString();
            }
        }
        throw new AssertionError("import " + id + " is not in the list");
    }
}
