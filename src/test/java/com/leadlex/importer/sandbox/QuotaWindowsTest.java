package com.leadlex.importer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.sandbox.QuotaWindows.QuotaDecision;
import com.leadlex.importer.sandbox.SandboxProperties.Key;
import com.leadlex.importer.system.ManualClock;

/** The window arithmetic alone, without HTTP; time moved by a {@link ManualClock}. */
class QuotaWindowsTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T23:59:30Z"));
    private final QuotaWindows quotas = new QuotaWindows();

    @Test
    void unmeteredKeysAreAlwaysAdmittedWithoutHeaders() {
        QuotaDecision decision = quotas.admit(key(0, 0), true, clock.instant());

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.metered()).isFalse();
    }

    @Test
    void aMinuteOnlyKeyIgnoresTheDay() {
        Key key = key(2, 0);
        quotas.admit(key, true, clock.instant());
        quotas.admit(key, true, clock.instant());

        QuotaDecision refused = quotas.admit(key, true, clock.instant());

        assertThat(refused).isEqualTo(new QuotaDecision(false, true, 2, 0, Instant.parse("2026-11-27T00:00:00Z")));
    }

    @Test
    void whenBothWindowsAreUsedUpTheLaterResetIsReported() {
        Key key = key(1, 1);
        clock.set(Instant.parse("2026-11-26T10:00:00Z"));
        quotas.admit(key, true, clock.instant());

        QuotaDecision refused = quotas.admit(key, true, clock.instant());

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.reset()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(refused.limit()).isEqualTo(1);
    }

    @Test
    void onATieTheDayIsTheMoreConstrainingWindow() {
        QuotaDecision decision = quotas.admit(key(5, 5), true, clock.instant());

        assertThat(decision.remaining()).isEqualTo(4);
        assertThat(decision.reset()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    }

    @Test
    void unenforcedRequestsCountEvenPastTheLimit() {
        Key key = key(1, 0);
        quotas.admit(key, false, clock.instant());

        QuotaDecision second = quotas.admit(key, false, clock.instant());

        assertThat(second.allowed()).isTrue();
        assertThat(second.remaining()).isZero();
        assertThat(quotas.admit(key, true, clock.instant()).allowed()).isFalse();
    }

    @Test
    void theDayResetsAtMidnightUtc() {
        Key key = key(0, 1);
        quotas.admit(key, true, clock.instant());
        assertThat(quotas.admit(key, true, clock.instant()).allowed()).isFalse();

        clock.set(Instant.parse("2026-11-27T00:00:00Z"));

        assertThat(quotas.admit(key, true, clock.instant()).allowed()).isTrue();
    }

    private static Key key(int perMinute, int perDay) {
        return new Key("wbk_unit_" + perMinute + "_" + perDay, List.of(SandboxProperties.WRITE_PERMISSION), perMinute,
                perDay);
    }
}
