package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.leadlex.LeadLexPlan;
import com.leadlex.importer.leadlex.LeadLexProperties;
import com.leadlex.importer.system.ImporterProperties;

class CommitWindowTest {

    @Test
    void byDefaultTheFirstWindowHoldsTheRequestsInFlight() {
        assertThat(CommitWindow.of(importer(null), leadLex(1)).nextSize()).isEqualTo(1);
        assertThat(CommitWindow.of(importer(null), leadLex(4)).nextSize()).isEqualTo(4);
    }

    @Test
    void aFastLeadLexFillsTheNextWindowWithWhatItAnswersInTheTargetUpToThirtyTwo() {
        CommitWindow window = CommitWindow.of(importer(null), leadLex(1));

        window.sent(1, Duration.ofMillis(40));
        assertThat(window.nextSize()).as("200 ms at 40 ms a request").isEqualTo(5);

        window.sent(5, Duration.ofMillis(1));
        assertThat(window.nextSize()).as("at most 32").isEqualTo(32);
    }

    @Test
    void aLeadLexTakingItsUsualTimeOrAPacedQuotaCommitsEachWindowInFlightOnItsOwn() {
        CommitWindow window = CommitWindow.of(importer(null), leadLex(1));
        window.sent(1, Duration.ofMillis(1));
        assertThat(window.nextSize()).isEqualTo(32);

        window.sent(32, Duration.ofMillis(32 * 250));
        assertThat(window.nextSize()).as("250 ms a request").isEqualTo(1);

        window.sent(1, Duration.ofSeconds(2));
        assertThat(window.nextSize()).as("a request every 2 s on a metered key").isEqualTo(1);
    }

    @Test
    void withSeveralInFlightTheWindowIsWholeTurnsOfThem() {
        CommitWindow window = CommitWindow.of(importer(null), leadLex(4));

        // 4 requests at once in 40 ms a turn: 5 turns in 200 ms
        window.sent(4, Duration.ofMillis(40));
        assertThat(window.nextSize()).isEqualTo(20);

        window.sent(20, Duration.ofMillis(5));
        assertThat(window.nextSize()).as("8 turns of 4 make 32").isEqualTo(32);

        window.sent(32, Duration.ofSeconds(8));
        assertThat(window.nextSize()).as("never fewer than the requests in flight").isEqualTo(4);
    }

    @Test
    void aWindowThatSentNothingLeavesThePaceAsItWas() {
        CommitWindow window = CommitWindow.of(importer(null), leadLex(1));
        window.sent(1, Duration.ofMillis(40));

        window.sent(0, Duration.ofMillis(500));

        assertThat(window.nextSize()).isEqualTo(5);
    }

    @Test
    void theSettingFixesTheWindowButNeverHoldsFewerRequestsThanAreInFlight() {
        CommitWindow eight = CommitWindow.of(importer(8), leadLex(1));
        eight.sent(8, Duration.ofMillis(1));
        assertThat(eight.nextSize()).isEqualTo(8);
        assertThat(CommitWindow.of(importer(2), leadLex(4)).nextSize()).isEqualTo(4);
        CommitWindow one = CommitWindow.of(importer(1), leadLex(1));
        one.sent(1, Duration.ofNanos(1));
        assertThat(one.nextSize()).isEqualTo(1);
        assertThatThrownBy(() -> importer(0)).hasMessage("importer.requests-per-commit must be between 1 and 32, but is 0");
        assertThatThrownBy(() -> importer(33)).hasMessageContaining("but is 33");
    }

    private static ImporterProperties importer(Integer requestsPerCommit) {
        return new ImporterProperties(Path.of("data"), Path.of("inbox"), 500, 4, Duration.ofSeconds(15), true,
                "import:{source}:{file}", null, Duration.ofSeconds(30), requestsPerCommit);
    }

    private static LeadLexProperties leadLex(int maxInFlight) {
        return new LeadLexProperties(null, "wbk_test", LeadLexPlan.UNMETERED, null, null, null, null, null, null, null,
                null, null, maxInFlight);
    }
}
