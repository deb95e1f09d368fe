package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.JobExecutionContext;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.leadlex.importer.importjob.ImportIntegrationTest;
import com.leadlex.importer.ledger.ImportStatus;

/**
 * The scheduled source nightly-pickup (routes/folder-source.camel.yaml with a cron) on a short cron
 * (every 2 seconds, Europe/Berlin) beside the inbox: it fires on the cron's times, once each, takes
 * what is in its folder and reports the firings that found nothing; a list it cannot stage is moved
 * to failed/ with its report, recorded as a rejected file (GET /api/rejected-files) and named in the
 * source's status.
 */
// its own context, closed afterwards: nothing keeps polling a server that is gone or firing a cron
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ScheduledPickupEndToEndTest extends ImportIntegrationTest {

    private static final String SOURCE = "nightly-pickup";
    private static Path nightlyDir;

    @Autowired
    private CamelContext camelContext;
    @Autowired
    private SourceStatusRegistry sources;
    @Autowired
    private RejectedFileRepository rejectedFiles;
    @org.springframework.beans.factory.annotation.Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void nightlySource(DynamicPropertyRegistry registry) throws IOException {
        nightlyDir = Files.createTempDirectory("nightly-it-");
        registry.add("importer.sources.nightly-pickup.enabled", () -> "true");
        registry.add("importer.sources.nightly-pickup.directory", nightlyDir::toString);
        registry.add("importer.sources.nightly-pickup.cron", () -> "0/2 * * * * ?");
        registry.add("importer.sources.nightly-pickup.time-zone", () -> "Europe/Berlin");
        registry.add("importer.sources.nightly-pickup.campaign", () -> "cmp_nightly");
    }

    @Test
    void theCronSourceFiresOnItsScheduleTakesWhatIsThereAndReportsEmptyRuns(CapturedOutput output) throws Exception {
        sandbox.createCampaign("cmp_nightly");
        QuartzScheduledPollConsumerScheduler scheduler = (QuartzScheduledPollConsumerScheduler)
                ((ScheduledPollConsumer) camelContext.getRoute(SOURCE).getConsumer()).getScheduler();
        assertThat(scheduler.getCron()).isEqualTo("0/2 * * * * ?");
        assertThat(scheduler.getTimeZone()).isEqualTo(TimeZone.getTimeZone("Europe/Berlin"));
        List<Date> firings = new CopyOnWriteArrayList<>();
        scheduler.getQuartzScheduler().getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "test-firings";
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, org.quartz.JobExecutionException failure) {
                firings.add(context.getScheduledFireTime());
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> firings.size() >= 1
                && output.getOut().contains("Scheduled pickup nightly-pickup (cron 0/2 * * * * ? Europe/Berlin) ran: "
                        + "nothing to import"));
        assertThat(sources.current(SOURCE).orElseThrow().emptyPolls()).isGreaterThanOrEqualTo(1);

        Files.writeString(nightlyDir.resolve("tonight.csv"), "contact_id\n" + String.join("\n", newIds(25)) + "\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> imports.findRecent(10).stream()
                .anyMatch(i -> "tonight.csv".equals(i.fileName()) && i.status() == ImportStatus.COMPLETED));
        assertThat(nightlyDir.resolve("done/tonight.csv")).exists();
        assertThat(sandbox.enrolledCount("cmp_nightly")).isEqualTo(25);
        assertThat(firings).as("every firing on an even second of the cron, each once")
                .allSatisfy(at -> assertThat(at.getTime() % 2000).isZero()).doesNotHaveDuplicates();
        SourceStatus status = sources.current(SOURCE).orElseThrow();
        assertThat(status.schedule()).isEqualTo("cron 0/2 * * * * ? Europe/Berlin");
        assertThat(status.filesPicked()).isEqualTo(1);
        assertThat(sources.all()).extracting(SourceStatus::source, SourceStatus::state)
                .contains(org.assertj.core.groups.Tuple.tuple("inbox", "ok"),
                        org.assertj.core.groups.Tuple.tuple("nightly-pickup", "ok"),
                        org.assertj.core.groups.Tuple.tuple("partner-sftp", "disabled"));

        // (in this test, not one of its own: the counts above would see the rejected file)
        Files.writeString(nightlyDir.resolve("no-ids-tonight.csv"), "name\nAda Lovelace\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> !rejectedFiles.findRecent(SOURCE, 0, 10).isEmpty());
        assertThat(rejectedFiles.findRecent(SOURCE, 0, 10)).singleElement().satisfies(rejected -> {
            assertThat(rejected.fileName()).isEqualTo("no-ids-tonight.csv");
            assertThat(rejected.campaignId()).isEqualTo("cmp_nightly");
            assertThat(rejected.reportLocation()).endsWith("failed/no-ids-tonight.csv.error.txt");
            assertThat(rejected.report()).contains("Nothing from this file was imported");
        });
        assertThat(nightlyDir.resolve("failed/no-ids-tonight.csv.error.txt")).exists();
        assertThat(sources.current(SOURCE).orElseThrow().lastError())
                .startsWith("last file rejected: no-ids-tonight.csv: ");
        assertThat(com.leadlex.importer.web.ApiClient.anonymous(port).get("/api/rejected-files?source=" + SOURCE)
                .body()).contains("\"fileName\":\"no-ids-tonight.csv\"", "\"routeId\":\"" + SOURCE + "\"");
    }
}
