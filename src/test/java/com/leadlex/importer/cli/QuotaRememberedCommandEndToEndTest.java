package com.leadlex.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;

import com.leadlex.importer.importjob.ImportIntegrationTest;
import com.leadlex.importer.sandbox.SandboxProperties;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;

/**
 * The one-shot command on a key with 2 requests a day, run again and again on the same data
 * directory. LeadLex is played by the sandbox of a server beside it, which counts every request
 * the commands send across their runs (a command's own sandbox would forget with each run). The
 * second run sends nothing (before, it sent 2 more and drew 429s); {@code resume <id>} sends one
 * request at once and LeadLex's answer decides: 429 pauses it again, accepted finishes it.
 */
class QuotaRememberedCommandEndToEndTest extends ImportIntegrationTest {

    private static final String KEY = "wbk_cli_two_a_day_0001";
    private static final String CAMPAIGN = "cmp_cli_quota";
    private static final Pattern IMPORT_ID = Pattern.compile("Import (\\d+) \\(");

    @TempDir
    Path commandDir;

    @Value("${local.server.port}")
    int port;

    private String out = "";
    private String err = "";

    @BeforeEach
    void aKeyWithTwoRequestsADay() {
        sandbox.createCampaign(CAMPAIGN);
        sandbox.addKey(key(2));
    }

    @Test
    void theSecondRunOnTheSameDataDirectorySendsNothingAndResumeNowAsksLeadLex() throws IOException {
        Path list = new CommandLineHarness(commandDir).list(3);
        List<String> importList = List.of("import", "--campaign", CAMPAIGN, list.toString());

        assertThat(run(importList)).as(err).isEqualTo(ExitCode.PAUSED_ON_QUOTA.getExitCode());
        long importId = importId();
        assertThat(requestsFor(CAMPAIGN)).hasSize(2);

        assertThat(run(importList)).as(err).isEqualTo(ExitCode.PAUSED_ON_QUOTA.getExitCode());
        assertThat(out).contains("Import " + importId).contains("PAUSED");
        assertThat(requestsFor(CAMPAIGN)).as("the day's 2 requests, and not one more").hasSize(2)
                .extracting(ReceivedRequest::status).containsOnly(200);

        assertThat(run(List.of("resume", Long.toString(importId)))).as(err).isEqualTo(ExitCode.PAUSED_ON_QUOTA.getExitCode());
        assertThat(requestsFor(CAMPAIGN)).as("one request at once, refused").hasSize(3).last()
                .extracting(ReceivedRequest::status).isEqualTo(429);

        sandbox.addKey(key(1_000));
        assertThat(run(List.of("resume", Long.toString(importId)))).as(err).isEqualTo(ExitCode.DONE.getExitCode());
        assertThat(out).contains("Import " + importId).contains("COMPLETED");
        assertThat(sandbox.enrolledCount(CAMPAIGN)).isEqualTo(3);

        assertThat(run(List.of("resume", Long.toString(importId)))).isEqualTo(ExitCode.BAD_INPUT.getExitCode());
        assertThat(err).contains("resume: Import " + importId + " is COMPLETED: only a paused import can be resumed now");
    }

    /** The command on this test's data directory, sending to the server's sandbox, paced to 2 a day. */
    private int run(List<String> words) {
        CommandLineHarness harness = new CommandLineHarness(commandDir);
        int code = harness.run(words, "--leadlex.base-url=http://127.0.0.1:" + port + "/sandbox",
                "--leadlex.api-key=" + KEY, "--leadlex.requests-per-day=2", "--importer.chunk-size=1");
        out = harness.out.toString(StandardCharsets.UTF_8);
        err = harness.err.toString(StandardCharsets.UTF_8);
        return code;
    }

    private long importId() {
        Matcher matcher = IMPORT_ID.matcher(out);
        assertThat(matcher.find()).as(out).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static SandboxProperties.Key key(int perDay) {
        return new SandboxProperties.Key(KEY, List.of(SandboxProperties.WRITE_PERMISSION), 0, perDay);
    }
}
