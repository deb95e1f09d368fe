package com.leadlex.importer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import com.leadlex.importer.importjob.ImportIntegrationTest;
import com.leadlex.importer.ledger.ImportAuditRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxProperties;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;

/**
 * The key (2 requests a day at LeadLex, nothing configured: LeadLex's headers pace it) pauses two
 * imports until midnight UTC. The key's plan is then raised at LeadLex. An operator resumes one of
 * them now over the API: its request goes out at once, LeadLex accepts it and says how much room
 * is left, so that import finishes, and the other, paused until midnight on LeadLex's earlier word,
 * is planned again and finishes too, long before midnight.
 */
@TestPropertySource(properties = {
        "leadlex.api-key=wbk_resume_now_0001",
        "importer.chunk-size=1"})
class ResumeNowEndToEndTest extends ImportIntegrationTest {

    private static final String KEY = "wbk_resume_now_0001";
    private static final String CAMPAIGN = "cmp_resume_now";
    private static final Instant MIDNIGHT = Instant.parse("2026-11-27T00:00:00Z");

    @Value("${local.server.port}")
    int port;
    @Autowired
    ImportAuditRepository audit;

    @Test
    void resumingNowLetsLeadLexSayTheQuotaIsThereAndTheOtherPausedImportFollows() {
        sandbox.createCampaign(CAMPAIGN);
        sandbox.addKey(key(2));
        ImportRecord first = importNow(csvList("first.csv", newIds(3)), CAMPAIGN, false);
        ImportRecord second = importNow(csvList("second.csv", newIds(2)), CAMPAIGN, false);
        assertThat(List.of(first, second)).extracting(ImportRecord::status).containsOnly(ImportStatus.PAUSED);
        assertThat(List.of(first, second)).extracting(ImportRecord::resumeAt).containsOnly(MIDNIGHT);
        assertThat(requestsFor(CAMPAIGN)).as("LeadLex said 0 left after the second").hasSize(2);
        ApiClient api = ApiClient.anonymous(port);
        assertThat(api.post("/api/imports/" + first.id() + "/resume").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> imports.findById(first.id()).orElseThrow().status() == ImportStatus.PAUSED);
        assertThat(requestsFor(CAMPAIGN)).as("one request, refused: the quota is not there")
                .hasSize(3).last().extracting(ReceivedRequest::status).isEqualTo(429);

        sandbox.addKey(key(1_000));
        HttpResponse<String> resumed = api.post("/api/imports/" + second.id() + "/resume");

        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
        assertThat(resumed.body()).contains("Resuming now");
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(first, second).stream()
                .allMatch(i -> imports.findById(i.id()).orElseThrow().status() == ImportStatus.COMPLETED));
        assertThat(clock.instant()).isBefore(MIDNIGHT);
        assertThat(sandbox.enrolledCount(CAMPAIGN)).isEqualTo(5);
        assertThat(requestsFor(CAMPAIGN).stream().filter(r -> r.status() == 429)).hasSize(1);

        HttpResponse<String> notPaused = api.post("/api/imports/" + first.id() + "/resume");
        assertThat(notPaused.statusCode()).isEqualTo(409);
        assertThat(notPaused.body()).contains("only a paused import can be resumed now");
        for (ImportRecord resumedByHand : List.of(first, second)) {
            // (the importer's own resume of the replanned import is there too, under its own name)
            assertThat(audit.findByImport(resumedByHand.id())).as("the operator's accepted resume, once; not the 409")
                    .filteredOn(entry -> !entry.actor().startsWith("importer")).singleElement()
                    .satisfies(entry -> assertThat(entry.action() + " by " + entry.actor())
                            .isEqualTo("resume by local (no credentials configured)"));
        }
    }

    private static SandboxProperties.Key key(int perDay) {
        return new SandboxProperties.Key(KEY, List.of(SandboxProperties.WRITE_PERMISSION), 0, perDay);
    }
}
