package com.leadlex.importer.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.leadlex.QuotaLimits;

/** How long a list takes at a key's quota: minute windows, then whole UTC days. */
class ImportDryRunEstimateTest {

    private static final QuotaLimits PRO = new QuotaLimits(50, 1_000);

    @Test
    void requestsWithinTheFirstMinuteTakeNoQuotaTime() {
        assertThat(ImportDryRun.duration(0, PRO)).isZero();
        assertThat(ImportDryRun.duration(50, PRO)).isZero();
        assertThat(ImportDryRun.describe(3, PRO)).startsWith("within the first minute at 50 requests a minute");
    }

    @Test
    void eachFurtherMinuteWindowAddsAMinute() {
        assertThat(ImportDryRun.duration(51, PRO)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ImportDryRun.duration(1_000, PRO)).isEqualTo(Duration.ofMinutes(19));
        assertThat(ImportDryRun.describe(1_000, PRO)).startsWith("about 19 minute(s)");
    }

    @Test
    void beyondTheDaysQuotaTheImportWaitsForTheNextUtcDay() {
        assertThat(ImportDryRun.duration(1_001, PRO)).isEqualTo(Duration.ofDays(1));
        assertThat(ImportDryRun.duration(2_051, PRO)).isEqualTo(Duration.ofDays(2).plusMinutes(1));
        assertThat(ImportDryRun.describe(2_051, PRO)).contains("2 day(s)", "resumes by itself at midnight UTC");
    }

    @Test
    void anUnmeteredKeyIsBoundOnlyByLeadLexsAnswerTime() {
        assertThat(ImportDryRun.duration(10_000, QuotaLimits.unlimited())).isZero();
        assertThat(ImportDryRun.describe(7, QuotaLimits.unlimited())).contains("no quota", "7 request(s)");
    }
}
