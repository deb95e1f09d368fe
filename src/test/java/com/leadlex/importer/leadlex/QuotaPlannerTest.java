package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.leadlex.QuotaPlanner.Demand;

/** When requests on a shared key will have gone out, on fixed instants: windows, days, turns, and what is unknown. */
class QuotaPlannerTest {

    /** A Thursday morning, like the end-to-end tests' manual clock. */
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final Duration MAX_WAIT = Duration.ofMinutes(2);
    static final QuotaLimits TWO_A_DAY = new QuotaLimits(0, 2);

    static Demand demand(long id, long requests) {
        return new Demand(id, requests, null, null);
    }

    static Map<Long, Instant> plan(QuotaOutlook outlook, Demand... demands) {
        return QuotaPlanner.finishTimes(outlook, List.of(demands), 4);
    }

    @Test
    void sixRequestsAloneOnATwoPerDayKeyFinishTwoUtcDaysFromNow() {
        Map<Long, Instant> finishes = plan(QuotaOutlook.fresh(NOW, TWO_A_DAY, MAX_WAIT), demand(1, 6));

        assertThat(finishes).containsEntry(1L, Instant.parse("2026-11-28T00:00:00Z"));
    }

    @Test
    void twoImportsSharingAKeyTakeTurnsSoTheSmallOneIsNotStarved() {
        // fair turns: 1 and 2 today, 1 and 2 on Friday (2 is done), then 1 alone on Saturday and Sunday
        Map<Long, Instant> finishes = plan(QuotaOutlook.fresh(NOW, TWO_A_DAY, MAX_WAIT), demand(1, 6), demand(2, 2));

        assertThat(finishes).containsEntry(2L, Instant.parse("2026-11-27T00:00:00Z"))
                .containsEntry(1L, Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void twoEqualImportsFinishOnTheSameDay() {
        Map<Long, Instant> finishes = plan(QuotaOutlook.fresh(NOW, TWO_A_DAY, MAX_WAIT), demand(1, 3), demand(2, 3));

        assertThat(finishes).containsEntry(1L, Instant.parse("2026-11-28T00:00:00Z"))
                .containsEntry(2L, Instant.parse("2026-11-28T00:00:00Z"));
    }

    @Test
    void requestsAlreadyUsedTodayCount() {
        Map<Long, Instant> finishes = plan(QuotaOutlook.fresh(NOW, TWO_A_DAY, MAX_WAIT).withUsed(1, 1),
                demand(1, 2));

        assertThat(finishes).containsEntry(1L, Instant.parse("2026-11-27T00:00:00Z"));
    }

    @Test
    void minuteWindowsFillOneAfterAnother() {
        Instant halfPast = NOW.plusSeconds(30);
        QuotaOutlook starter = QuotaOutlook.fresh(halfPast, new QuotaLimits(10, 100), MAX_WAIT).withUsed(4, 4);

        // 6 more this minute, 10 at 10:01, the last 9 at 10:02
        assertThat(plan(starter, demand(1, 25))).containsEntry(1L, Instant.parse("2026-11-26T10:02:00Z"));
    }

    @Test
    void theDaysQuotaCarriesTheRestToTheNextUtcDays() {
        QuotaOutlook starter = QuotaOutlook.fresh(NOW, new QuotaLimits(10, 100), MAX_WAIT).withUsed(0, 95);

        // 5 today, 100 tomorrow from midnight at 10 a minute (00:00 to 00:09), the last one on Saturday
        assertThat(plan(starter, demand(1, 106))).containsEntry(1L, Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(plan(starter, demand(1, 25))).containsEntry(1L, Instant.parse("2026-11-27T00:01:00Z"));
    }

    @Test
    void aPausedImportSendsNothingBeforeItsResumeTime() {
        Instant midnight = Instant.parse("2026-11-27T00:00:00Z");
        QuotaOutlook outlook = QuotaOutlook.fresh(NOW, QuotaLimits.unlimited(), MAX_WAIT).withAnswerTime(Duration.ZERO);

        assertThat(plan(outlook, new Demand(1, 3, midnight, null))).containsEntry(1L, midnight);
    }

    @Test
    void anImportWhoseSlotIsBeyondMaxWaitPausesAndResumesInItsOrder() {
        // today's quota is gone: the queued import 2 pauses like the paused import 1, and the resumer
        // takes them by ID at midnight, so 1 goes first although 2 asked first
        Instant midnight = Instant.parse("2026-11-27T00:00:00Z");
        QuotaOutlook outlook = QuotaOutlook.fresh(NOW, new QuotaLimits(1, 2), MAX_WAIT).withUsed(0, 2);

        Map<Long, Instant> finishes = plan(outlook, new Demand(1, 1, midnight, null), demand(2, 1));

        assertThat(finishes).containsEntry(1L, midnight).containsEntry(2L, midnight.plusSeconds(60));
    }

    @Test
    void aRequestWaitingForItsReservedSlotIsNotCountedTwice() {
        // the running import's next request holds a slot at 10:01, already counted in that minute
        Instant nextMinute = NOW.plusSeconds(60);
        NavigableCounts counts = new NavigableCounts().minute(NOW, 1).minute(nextMinute, 1).day(NOW, 2);
        QuotaOutlook outlook = new QuotaOutlook(NOW.plusSeconds(5), new QuotaLimits(1, 0), counts.minutes, counts.days,
                null, null, null, Duration.ZERO, MAX_WAIT);

        Map<Long, Instant> finishes = plan(outlook, new Demand(1, 2, null, nextMinute));

        assertThat(finishes).containsEntry(1L, Instant.parse("2026-11-26T10:02:00Z"));
    }

    @Test
    void theServersWordHoldsRequestsUntilItsReset() {
        Instant reset = NOW.plus(Duration.ofMinutes(5));
        QuotaOutlook outlook = new QuotaOutlook(NOW, QuotaLimits.unlimited(), new TreeMap<>(), new TreeMap<>(), 0,
                reset, null, Duration.ZERO, MAX_WAIT);

        assertThat(plan(outlook, demand(1, 3))).containsEntry(1L, reset);
    }

    @Test
    void aRetryAfterInForceHoldsEveryRequest() {
        Instant retryAt = NOW.plusSeconds(90);
        QuotaOutlook outlook = new QuotaOutlook(NOW, new QuotaLimits(10, 0), new TreeMap<>(), new TreeMap<>(), null,
                null, retryAt, null, MAX_WAIT);

        assertThat(plan(outlook, demand(1, 1))).containsEntry(1L, retryAt);
    }

    @Test
    void withoutQuotaTheAnswerTimeSetsThePaceOfEachImport() {
        QuotaOutlook unmetered = QuotaOutlook.fresh(NOW, QuotaLimits.unlimited(), MAX_WAIT)
                .withAnswerTime(Duration.ofMillis(200));

        // each import sends one request at a time, but imports run side by side
        assertThat(plan(unmetered, demand(1, 5), demand(2, 5))).containsEntry(1L, NOW.plusSeconds(1))
                .containsEntry(2L, NOW.plusSeconds(1));
        assertThat(QuotaPlanner.finishTimes(unmetered, List.of(demand(1, 5), demand(2, 5)), 1))
                .containsEntry(1L, NOW.plusSeconds(1)).containsEntry(2L, NOW.plusSeconds(2));
    }

    @Test
    void aWindowOfRequestsInFlightSendsThemTogether() {
        QuotaOutlook unmetered = QuotaOutlook.fresh(NOW, QuotaLimits.unlimited(), MAX_WAIT)
                .withAnswerTime(Duration.ofMillis(200));
        QuotaOutlook twoAMinute = QuotaOutlook.fresh(NOW, new QuotaLimits(2, 0), MAX_WAIT);

        // 10 requests, 4 at a time: windows of 4, 4 and 2, each answered 200 ms after it went out
        assertThat(QuotaPlanner.finishTimes(unmetered, List.of(demand(1, 10)), 4, 4))
                .containsEntry(1L, NOW.plusMillis(600));
        // the quota still grants each request its slot: 2 a minute, whatever the window
        assertThat(QuotaPlanner.finishTimes(twoAMinute, List.of(demand(1, 6)), 4, 4))
                .containsEntry(1L, NOW.plusSeconds(120));
    }

    @Test
    void importsBeyondTheConcurrencyStartAsOthersFinish() {
        QuotaOutlook oneAMinute = QuotaOutlook.fresh(NOW, new QuotaLimits(1, 0), MAX_WAIT);

        // 1 and 2 take turns (10:00, 10:01, 10:02: 1 is done); then 3 joins 2 (10:03 2 is done; 10:04, 10:05)
        Map<Long, Instant> finishes = QuotaPlanner.finishTimes(oneAMinute,
                List.of(demand(1, 2), demand(2, 2), demand(3, 2)), 2);

        assertThat(finishes).containsEntry(1L, NOW.plusSeconds(120)).containsEntry(2L, NOW.plusSeconds(180))
                .containsEntry(3L, NOW.plusSeconds(300));
    }

    @Test
    void anUnmeteredKeyThatNeverAnsweredCannotBeTimed() {
        assertThat(plan(QuotaOutlook.fresh(NOW, QuotaLimits.unlimited(), MAX_WAIT), demand(1, 5))).isEmpty();
    }

    @Test
    void nothingLeftToSendIsDoneNow() {
        assertThat(plan(QuotaOutlook.fresh(NOW, TWO_A_DAY, MAX_WAIT), demand(1, 0))).containsEntry(1L, NOW);
    }

    /** Counts per minute and day, keyed as the gate keys them. */
    private static final class NavigableCounts {
        final TreeMap<Long, Integer> minutes = new TreeMap<>();
        final TreeMap<Long, Integer> days = new TreeMap<>();

        NavigableCounts minute(Instant at, int count) {
            minutes.merge(at.getEpochSecond() / 60, count, Integer::sum);
            return this;
        }

        NavigableCounts day(Instant at, int count) {
            days.merge(at.getEpochSecond() / 86_400, count, Integer::sum);
            return this;
        }
    }
}
