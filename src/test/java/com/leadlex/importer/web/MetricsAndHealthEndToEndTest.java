package com.leadlex.importer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.leadlex.importer.importjob.ImportIntegrationTest;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.ScriptedFault;

/**
 * /actuator/prometheus and /actuator/health over real HTTP after real imports against the sandbox,
 * and the logs an operator follows: one line per chunk with the import's ID in its context, and the
 * API key masked everywhere.
 */
@ExtendWith(OutputCaptureExtension.class)
class MetricsAndHealthEndToEndTest extends ImportIntegrationTest {

    private static final String CAMPAIGN = "cmp_metrics";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RAW_KEY = "wbk_sandbox_unmetered";

    @Value("${local.server.port}")
    int port;

    @Test
    void prometheusShowsContactsRequestsRateLimitsRetriesWaitsQuotaDurationsAndPendingImports() {
        sandbox.createCampaign(CAMPAIGN);
        sandbox.failNext(1, ScriptedFault.rateLimited(Duration.ofSeconds(2)));
        sandbox.failNext(1, ScriptedFault.status(503));
        java.util.List<String> ids = newIds(700);
        java.util.List<String> rows = new java.util.ArrayList<>(ids);
        rows.add(ids.get(1));
        rows.add("bad");
        ImportRecord done = importNow(csvList("metered.csv", rows), CAMPAIGN, false);
        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);

        String metrics = ApiClient.anonymous(port).get("/actuator/prometheus").body();

        assertThat(metric(metrics, "importer_contacts_total{outcome=\"added\"}")).isGreaterThanOrEqualTo(700);
        assertThat(metric(metrics, "importer_contacts_total{outcome=\"invalid\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "importer_contacts_total{outcome=\"duplicate\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("importer_contacts_total{outcome=\"already_enrolled\"}");
        assertThat(metric(metrics, "leadlex_requests_total{status=\"200\"}")).isGreaterThanOrEqualTo(2);
        assertThat(metric(metrics, "leadlex_requests_total{status=\"429\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "leadlex_requests_total{status=\"503\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "leadlex_rate_limited_total")).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "leadlex_retries_total{reason=\"rate_limited\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "leadlex_retries_total{reason=\"server_error\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "leadlex_quota_waits_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("leadlex_quota_remaining{key=\"wbk_…ered\",window=\"minute\"}",
                "leadlex_quota_remaining{key=\"wbk_…ered\",window=\"day\"}");
        assertThat(metric(metrics, "importer_import_duration_seconds_count{status=\"completed\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("importer_imports_pending ");
        assertThat(metric(metrics, "importer_imports_paused")).isZero();
        assertThat(metric(metrics, "importer_resume_next_seconds")).as("none paused").isEqualTo(-1);
        assertThat(metric(metrics, "importer_last_chunk_age_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(metrics).contains("importer_quota_requests_left{key=\"wbk_…ered\",window=\"minute\"}",
                "importer_quota_requests_left{key=\"wbk_…ered\",window=\"day\"}");
        assertThat(metric(metrics, "importer_source_failing{source=\"inbox\"}")).isZero();
        assertThat(metrics).doesNotContain(RAW_KEY);
        // Spring Batch's job timer stays; its two timers per contact ID cost more than a request
        assertThat(metrics).contains("spring_batch_job_seconds_count")
                .doesNotContain("spring_batch_item_read", "spring_batch_item_process");
    }

    @Test
    void healthCoversTheDatabaseTheSourcesAndLeadLexAsLastSeenWithoutSpendingQuota() {
        sandbox.createCampaign(CAMPAIGN);
        ApiClient anonymous = ApiClient.anonymous(port);
        importNow(csvList("healthy.csv", newIds(3)), CAMPAIGN, false);
        int requestsBefore = sandbox.receivedRequests().size();

        // Camel reports a file consumer ready after its first poll, a second or so after start-up
        await().atMost(Duration.ofSeconds(20))
                .until(() -> JSON.readTree(anonymous.get("/actuator/health").body()).get("status").asString().equals("UP"));
        String health = null;
        for (int probe = 0; probe < 5; probe++) {
            health = anonymous.get("/actuator/health").body();
        }

        assertThat(sandbox.receivedRequests()).as("a health probe never calls LeadLex").hasSize(requestsBefore);
        JsonNode components = JSON.readTree(health).get("components");
        assertThat(JSON.readTree(health).get("status").asString()).as(health).isEqualTo("UP");
        for (String component : new String[] {"db", "sources", "leadlex"}) {
            assertThat(components.get(component).get("status").asString()).as(component).isEqualTo("UP");
        }
        assertThat(health).containsPattern("\"ingest-file\":\"(ok|waiting) \\(route Started\\)\"")
                .contains("\"partner-sftp\":\"disabled", "\"reachable\":true",
                "\"keyAccepted\":true", "\"key\":\"wbk_…ered\"", "\"quotaLeftToday\":\"unlimited\"");
        assertThat(health).doesNotContain(RAW_KEY);

        sandbox.revokeKey(RAW_KEY);
        ImportRecord refused = importNow(csvList("revoked.csv", newIds(3)), CAMPAIGN, false);
        assertThat(refused.status()).isEqualTo(ImportStatus.FAILED);
        String down = anonymous.get("/actuator/health/leadlex").body();
        assertThat(JSON.readTree(down).get("status").asString()).isEqualTo("DOWN");
        assertThat(down).contains("\"keyAccepted\":false", "\"lastStatus\":401",
                "set LEADLEX_API_KEY to a valid key");

        sandbox.reset();
        importNow(csvList("recovered.csv", newIds(3)), CAMPAIGN, false);
        assertThat(JSON.readTree(anonymous.get("/actuator/health/leadlex").body()).get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void eachChunkLogsOneLineWithTheImportIdInContextAndTheKeyOnlyMasked(CapturedOutput output) {
        sandbox.createCampaign(CAMPAIGN);
        sandbox.failNext(1, ScriptedFault.rateLimited(Duration.ofSeconds(1)));
        ImportRecord done = importNow(csvList("logged.csv", newIds(1_001)), CAMPAIGN, false);
        String context = "[import " + done.id() + "]";

        java.util.List<String> chunkLines = output.getAll().lines()
                .filter(line -> line.contains("Import " + done.id() + " chunk ")).toList();
        assertThat(chunkLines).hasSize(3).allSatisfy(line -> assertThat(line)
                .contains("INFO " + context, " added, ", " already enrolled", " request(s), waited ", " ms for quota"));
        assertThat(chunkLines.get(0)).contains("chunk 1 (500 IDs", "2 request(s)");
        assertThat(output.getAll().lines().filter(line -> line.contains("answered 429")))
                .singleElement().asString().contains("WARN " + context, "key wbk_…ered");
        assertThat(output.getAll().lines().filter(line -> line.contains("ImportJobListener")))
                .anyMatch(line -> line.contains(context) && line.contains("COMPLETED"));
        assertThat(output.getAll()).doesNotContain(RAW_KEY);
    }

    private static double metric(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " not in the scrape"));
    }
}
