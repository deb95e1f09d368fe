package com.leadlex.importer.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.leadlex.importer.importjob.ImportSummary;
import com.leadlex.importer.importjob.SlowSandboxIntegrationTest;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.web.ApiClient;

/**
 * A dry run predicts exactly what a real run does: the same valid, invalid and duplicate counts,
 * and as many requests as the real import then sends; and it sends none itself.
 */
class DryRunEndToEndTest extends SlowSandboxIntegrationTest {

    private static final String CAMPAIGN = "cmp_dry_run";

    @Autowired
    ImportDryRun dryRun;
    @Value("${local.server.port}")
    int port;

    @Test
    void theDryRunsPredictedRequestCountIsTheRealRunsCount() throws IOException {
        sandbox.createCampaign(CAMPAIGN);
        List<String> ids = newIds(1_234);
        List<String> rows = new ArrayList<>(ids);
        rows.addAll(ids.subList(0, 40));
        rows.add("not-an-id");
        rows.add("12345");
        Path list = csvList("predict.csv", rows);

        DryRunReport predicted;
        try (InputStream content = Files.newInputStream(list)) {
            predicted = dryRun.check(content, "predict.csv", CAMPAIGN);
        }
        String viaApi = ApiClient.anonymous(port).upload("/api/imports/dry-run", list, Map.of("campaign", CAMPAIGN))
                .body();
        assertThat(requestsFor(CAMPAIGN)).as("a dry run never calls LeadLex").isEmpty();
        assertThat(imports.findRecent(500)).noneMatch(record -> record.campaignId().equals(CAMPAIGN));
        assertThat(predicted.valid()).isEqualTo(1_234);
        assertThat(predicted.invalid()).isEqualTo(2);
        assertThat(predicted.duplicates()).isEqualTo(40);
        assertThat(predicted.requests()).isEqualTo(25);
        assertThat(predicted.alreadyImportedBy()).isNull();
        assertThat(viaApi).contains("\"requests\":25", "\"valid\":1234", "\"invalid\":2", "\"duplicates\":40");

        ImportRecord real = importNow(list, CAMPAIGN, false);
        ImportSummary summary = summaries.describe(real);

        assertThat(summary.requests()).isEqualTo(predicted.requests());
        assertThat(requestsFor(CAMPAIGN)).hasSize((int) predicted.requests());
        assertThat(summary.validIds()).isEqualTo(predicted.valid());
        assertThat(summary.invalidRows()).isEqualTo(predicted.invalid());
        assertThat(summary.duplicateRows()).isEqualTo(predicted.duplicates());

        try (InputStream content = Files.newInputStream(list)) {
            assertThat(dryRun.check(content, "predict.csv", CAMPAIGN).alreadyImportedBy()).isEqualTo(real.id());
        }
    }
}
