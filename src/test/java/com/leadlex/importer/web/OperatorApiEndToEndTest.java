package com.leadlex.importer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import com.leadlex.importer.importjob.ImportIntegrationTest;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.ScriptedFault;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole REST API over real HTTP with operator credentials configured: every endpoint works with
 * the token or basic auth and refuses a request without them, while health, the sandbox and
 * webhooks stay outside operator authentication.
 */
@TestPropertySource(properties = {
        "importer.security.token=test-operator-token",
        "importer.security.user=operator",
        "importer.security.password=operator-secret",
        "importer.security.tokens.ci-robot=robot-secret"})
class OperatorApiEndToEndTest extends ImportIntegrationTest {

    private static final String CAMPAIGN = "cmp_operator_api";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    private ApiClient operator;
    private ApiClient browser;
    private ApiClient nobody;

    @BeforeEach
    void clients() {
        operator = ApiClient.withToken(port, "test-operator-token");
        browser = ApiClient.withBasicAuth(port, "operator", "operator-secret");
        nobody = ApiClient.anonymous(port);
        sandbox.createCampaign(CAMPAIGN);
    }

    @Test
    void everyUploadForceStopAndRestartRecordsWhoDidItAndWhen() throws Exception {
        ApiClient robot = ApiClient.withToken(port, "robot-secret");
        sandbox.revokeKey("wbk_sandbox_unmetered");
        HttpResponse<String> upload = robot.upload("/api/imports", csvList("audited.csv", newIds(3)),
                Map.of("campaign", CAMPAIGN, "force", "true"));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        long id = JSON.readTree(upload.body()).get("importId").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("FAILED"));
        sandbox.reset();
        sandbox.createCampaign(CAMPAIGN);

        assertThat(browser.post("/api/imports/" + id + "/restart").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("COMPLETED"));
        assertThat(operator.post("/api/imports/" + id + "/stop").statusCode()).as("nothing to stop").isEqualTo(409);

        JsonNode audit = json(operator.get("/api/imports/" + id + "/audit"));
        List<String> entries = new ArrayList<>();
        audit.forEach(entry -> entries.add(entry.get("action").asString() + " by " + entry.get("actor").asString()));
        assertThat(entries).containsExactly("upload by token:ci-robot", "force by token:ci-robot",
                "restart by operator");
        assertThat(audit.get(0).get("detail").asString()).contains("audited.csv -> campaign " + CAMPAIGN);
        assertThat(audit.get(0).get("at").asString()).isNotBlank();
        assertThat(operator.get("/api/imports/987654/audit").statusCode()).isEqualTo(404);
        assertThat(ApiClient.withToken(port, "robot-secret-not").get("/api/imports").statusCode()).isEqualTo(401);
    }

    @Test
    void aStopOverTheApiIsRecordedWithTheTokensNameAndARefusedOneIsNot() {
        // LeadLex says: not before midnight; longer than max-wait, so the import pauses until then
        Instant midnight = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        sandbox.failNext(1, ScriptedFault.rateLimited(
                DateTimeFormatter.RFC_1123_DATE_TIME.format(midnight.atZone(ZoneOffset.UTC))));
        try {
            ImportRecord paused = importNow(csvList("stopped-by-robot.csv", newIds(3)), CAMPAIGN, false);
            assertThat(paused.status()).isEqualTo(ImportStatus.PAUSED);
            ApiClient robot = ApiClient.withToken(port, "robot-secret");

            Instant askedAt = clock.instant();
            assertThat(robot.post("/api/imports/" + paused.id() + "/stop").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> status(paused.id()).equals("STOPPED"));
            assertThat(browser.post("/api/imports/" + paused.id() + "/stop").statusCode()).isEqualTo(409);

            JsonNode audit = json(operator.get("/api/imports/" + paused.id() + "/audit"));
            assertThat(audit).singleElement().satisfies(entry -> {
                assertThat(entry.get("action").asString()).isEqualTo("stop");
                assertThat(entry.get("actor").asString()).isEqualTo("token:ci-robot");
                assertThat(Instant.parse(entry.get("at").asString())).isBetween(askedAt, clock.instant());
            });
        } finally {
            clock.set(midnight.plusSeconds(1)); // the key is free again for the other tests of this context
        }
    }

    @Test
    void theImportListFiltersByCampaignStatusAndSourceAndPages() throws Exception {
        sandbox.createCampaign("cmp_filter_a");
        long first = importNow(csvList("filter-1.csv", newIds(2)), "cmp_filter_a", false).id();
        long second = importNow(csvList("filter-2.csv", newIds(2)), "cmp_filter_a", false).id();
        long failed = importNow(csvList("filter-3.csv", newIds(2)), "cmp_filter_missing", false).id();

        assertThat(ids("/api/imports?campaign=cmp_filter_a")).containsExactly(second, first);
        assertThat(ids("/api/imports?campaign=cmp_filter_a&status=COMPLETED&source=test")).containsExactly(second, first);
        assertThat(ids("/api/imports?campaign=cmp_filter_missing&status=FAILED")).containsExactly(failed);
        assertThat(ids("/api/imports?campaign=cmp_filter_a&status=FAILED")).isEmpty();
        assertThat(ids("/api/imports?campaign=cmp_filter_a&source=inbox")).isEmpty();
        assertThat(ids("/api/imports?campaign=cmp_filter_a&size=1&page=0")).containsExactly(second);
        assertThat(ids("/api/imports?campaign=cmp_filter_a&size=1&page=1")).containsExactly(first);
        assertThat(ids("/api/imports?campaign=cmp_filter_a&size=1&page=2")).isEmpty();
        assertThat(operator.get("/api/imports?status=NOT_A_STATUS").statusCode()).isEqualTo(400);
    }

    private List<Long> ids(String path) throws Exception {
        HttpResponse<String> response = operator.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        List<Long> ids = new java.util.ArrayList<>();
        JSON.readTree(response.body()).forEach(summary -> ids.add(summary.get("id").asLong()));
        return ids;
    }

    @Test
    void everyOperatorEndpointRefusesARequestWithoutCredentialsOrWithWrongOnes() {
        long id = importNow(csvList("refused.csv", newIds(3)), CAMPAIGN, false).id();
        List<String> gets = List.of("/", "/index.html", "/import.html", "/dashboard.js", "/api/imports",
                "/api/imports/" + id, "/api/imports/" + id + "/chunks", "/api/imports/" + id + "/results.csv",
                "/api/imports/" + id + "/rejected.csv", "/api/rejected-files", "/api/quota", "/actuator", "/actuator/prometheus",
                "/actuator/metrics", "/actuator/info", "/v3/api-docs", "/swagger-ui.html");
        for (String path : gets) {
            assertThat(nobody.get(path).statusCode()).as("GET " + path).isEqualTo(401);
            assertThat(ApiClient.withToken(port, "wrong-token").get(path).statusCode()).as("GET " + path).isEqualTo(401);
            assertThat(ApiClient.withBasicAuth(port, "operator", "wrong").get(path).statusCode()).as(path).isEqualTo(401);
        }
        Path list = csvList("anonymous.csv", newIds(2));
        assertThat(nobody.upload("/api/imports", list, Map.of("campaign", CAMPAIGN)).statusCode()).isEqualTo(401);
        assertThat(nobody.upload("/api/imports/dry-run", list, Map.of("campaign", CAMPAIGN)).statusCode()).isEqualTo(401);
        assertThat(nobody.post("/api/imports/" + id + "/stop").statusCode()).isEqualTo(401);
        assertThat(nobody.post("/api/imports/" + id + "/restart").statusCode()).isEqualTo(401);
        assertThat(requestsFor(CAMPAIGN)).hasSize(1);
    }

    @Test
    void healthTheSandboxAndWebhooksAreOutsideOperatorAuthentication() {
        HttpResponse<String> health = nobody.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).as("anonymous probes get the status only").contains("\"status\":\"UP\"")
                .doesNotContain("components", "\"db\"", "inbox", "wbk_", "quota");
        assertThat(nobody.get("/actuator/health/sources-probe").body()).doesNotContain("components", "ingest-file");
        for (ApiClient operator : new ApiClient[] {ApiClient.withToken(port, "test-operator-token"),
            ApiClient.withBasicAuth(port, "operator", "operator-secret")}) {
            assertThat(operator.get("/actuator/health").body()).as("operators get the details")
                    .contains("\"db\"", "\"sources\"", "\"leadlex\"", "\"inbox\"");
        }
        assertThat(ApiClient.withToken(port, "wrong-token").get("/actuator/health").body())
                .doesNotContain("components");
        assertThat(nobody.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        // the sandbox answers with its own authentication (LeadLex's error body), not the operator's 401
        HttpResponse<String> sandboxAnswer = nobody.post("/sandbox/v1/campaigns/" + CAMPAIGN + "/contacts");
        assertThat(sandboxAnswer.body()).contains("invalid_key");
        // a webhook path is not behind operator auth: an unknown webhook source gets the webhooks' own 404
        assertThat(nobody.post("/webhooks/crm").statusCode()).isEqualTo(404);
    }

    @Test
    void uploadsAListWatchesItFinishAndDownloadsResultsAndRejectedRows() throws Exception {
        List<String> ids = newIds(620);
        StringBuilder csv = new StringBuilder("email,contact_id\n");
        ids.forEach(id -> csv.append("a@example.com,").append(id).append('\n'));
        csv.append("b@example.com,not-a-uuid\n").append("c@example.com,").append(ids.get(0)).append('\n');
        Path list = write("upload.csv", csv.toString());

        HttpResponse<String> dryRun = browser.upload("/api/imports/dry-run", list, Map.of("campaign", CAMPAIGN));
        assertThat(dryRun.statusCode()).isEqualTo(200);
        assertThat(json(dryRun).get("valid").asLong()).isEqualTo(620);
        assertThat(json(dryRun).get("invalid").asLong()).isEqualTo(1);
        assertThat(json(dryRun).get("duplicates").asLong()).isEqualTo(1);
        assertThat(json(dryRun).get("requests").asLong()).isEqualTo(2);
        assertThat(requestsFor(CAMPAIGN)).isEmpty();

        HttpResponse<String> upload = operator.upload("/api/imports", list, Map.of("campaign", CAMPAIGN));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        long id = json(upload).get("importId").asLong();
        assertThat(json(upload).get("disposition").asString()).isEqualTo("STARTED");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("COMPLETED"));
        JsonNode summary = json(operator.get("/api/imports/" + id));
        assertThat(summary.get("added").asLong()).isEqualTo(620);
        assertThat(summary.get("source").asString()).isEqualTo("api");

        HttpResponse<String> results = operator.get("/api/imports/" + id + "/results.csv");
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.headers().firstValue("Content-Disposition").orElse("")).contains("import-" + id + "-results.csv");
        assertThat(results.body().lines()).hasSize(1 + 622).first().isEqualTo("line,contact_id,outcome,reason,chunk,email,found_by");
        assertThat(results.body()).contains(",not-a-uuid,invalid,", ",duplicate_in_list,");

        HttpResponse<String> rejected = browser.get("/api/imports/" + id + "/rejected.csv");
        assertThat(rejected.statusCode()).isEqualTo(200);
        List<String> rows = rejected.body().lines().toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo("contact_id,line,outcome,reason");
        assertThat(rows.get(1)).startsWith("not-a-uuid,622,invalid,");

        // fixed (a real ID in place of the bad one), the rejected rows go back in as they are
        String fixedId = UUID.randomUUID().toString();
        Path fixed = write("rejected-fixed.csv", rejected.body().replace("not-a-uuid", fixedId));
        HttpResponse<String> again = operator.upload("/api/imports", fixed, Map.of("campaign", CAMPAIGN));
        long againId = json(again).get("importId").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(againId).equals("COMPLETED"));
        assertThat(sandbox.isEnrolled(CAMPAIGN, fixedId)).isTrue();
    }

    @Test
    void stopAndRestartSayWhyTheyRefuseAndUnknownImportsAre404() {
        ImportRecord done = importNow(csvList("done.csv", newIds(5)), CAMPAIGN, false);

        HttpResponse<String> stop = operator.post("/api/imports/" + done.id() + "/stop");
        assertThat(stop.statusCode()).isEqualTo(409);
        assertThat(stop.body()).contains("only a queued, running or paused import can be stopped");
        HttpResponse<String> restart = browser.post("/api/imports/" + done.id() + "/restart");
        assertThat(restart.statusCode()).isEqualTo(409);
        assertThat(restart.body()).contains("only a failed, stopped or paused import can be restarted");
        assertThat(operator.post("/api/imports/987654/stop").statusCode()).isEqualTo(404);
        assertThat(operator.post("/api/imports/987654/restart").statusCode()).isEqualTo(404);
        assertThat(operator.get("/api/imports/987654/results.csv").statusCode()).isEqualTo(404);
    }

    @Test
    void aFailedImportSaysWhatToDoAndRestartsOnceTheCauseIsFixed() {
        sandbox.revokeKey("wbk_sandbox_unmetered");
        ImportRecord failed = importNow(csvList("revoked.csv", newIds(700)), CAMPAIGN, false);
        JsonNode summary = json(operator.get("/api/imports/" + failed.id()));
        assertThat(summary.get("status").asString()).isEqualTo("FAILED");
        assertThat(summary.get("lastError").asString()).contains("set LEADLEX_API_KEY to a valid key");

        sandbox.reset();
        sandbox.createCampaign(CAMPAIGN);
        HttpResponse<String> restart = operator.post("/api/imports/" + failed.id() + "/restart");
        assertThat(restart.statusCode()).as(restart.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(failed.id()).equals("COMPLETED"));
        assertThat(json(operator.get("/api/imports/" + failed.id())).get("added").asLong()).isEqualTo(700);
        assertThat(sandbox.enrolledCount(CAMPAIGN)).isEqualTo(700);
    }

    @Test
    void aListWithNoValidIdIsRefusedWithTheReason() {
        Path bad = write("bad.csv", "email,contact_id\nx@example.com,nope\n");
        HttpResponse<String> upload = operator.upload("/api/imports", bad, Map.of("campaign", CAMPAIGN));
        assertThat(upload.statusCode()).isEqualTo(400);
        assertThat(upload.body()).contains("no valid contact IDs");
        assertThat(operator.upload("/api/imports/dry-run", bad, Map.of("campaign", "a/b")).statusCode()).isEqualTo(400);
    }

    @Test
    void theDashboardQuotaMetricsAndApiDescriptionAnswerWithCredentialsAndNeverShowTheApiKey() {
        importNow(csvList("shown.csv", newIds(3)), CAMPAIGN, false);
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String path : List.of("/", "/import.html", "/app.css", "/api/imports", "/api/quota",
                "/actuator/prometheus", "/actuator/health", "/v3/api-docs")) {
            HttpResponse<String> answer = browser.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            answers.add(answer);
        }
        assertThat(answers.get(0).body()).contains("LeadLex Importer", "dashboard.js");
        assertThat(answers.get(4).body()).contains("\"key\":\"wbk_…ered\"", "\"leftToday\":null", "\"lastSeen\":{");
        assertThat(answers.get(5).body()).contains("importer_contacts_total{outcome=\"added\"}",
                "leadlex_requests_total{status=\"200\"}");
        assertThat(answers.get(7).body()).contains("/api/imports/{id}/restart", "/api/imports/{id}/stop",
                "/api/imports/dry-run", "/api/imports/{id}/results.csv", "/api/imports/{id}/rejected.csv",
                "/api/quota", "/api/rejected-files", "/api/imports/{id}/audit", "\"title\":\"LeadLex Importer API\"",
                "\"version\":\"development\"",
                "\"operatorToken\":{\"type\":\"http\"", "\"scheme\":\"bearer\"", "\"scheme\":\"basic\"",
                "\"name\":\"Imports\"", "\"name\":\"Audit\"", "\"name\":\"Rejected files\"");
        assertThat(answers).allSatisfy(answer -> assertThat(answer.body()).doesNotContain("wbk_sandbox_unmetered"));
    }

    private String status(long id) {
        return json(operator.get("/api/imports/" + id)).get("status").asString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
