package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.system.ManualClock;

/** The quota gate on a manual clock: windows, server hints, Retry-After, max-wait and fairness. */
class QuotaGateTest {

    static final Instant HALF_PAST = Instant.parse("2026-11-26T10:00:30Z");
    static final QuotaLimits STARTER = new QuotaLimits(10, 100);

    final ManualClock clock = new ManualClock(HALF_PAST);

    QuotaGate gate(QuotaLimits limits, Duration maxWait) {
        return new QuotaGate(clock, limits, maxWait);
    }

    /** What the client does: reserve, wait, confirm. */
    QuotaSlot take(QuotaGate gate) {
        while (true) {
            QuotaSlot slot = gate.reserve(0);
            clock.advance(slot.delay());
            if (gate.confirm(slot)) {
                return slot;
            }
        }
    }

    static RateLimitHeaders remaining(int remaining, Instant reset) {
        return new RateLimitHeaders(10, remaining, reset, null);
    }

    @Test
    void starterPlanGivesTenSlotsThenTheEleventhWaitsForTheNextMinute() {
        QuotaGate gate = gate(STARTER, Duration.ofMinutes(2));

        for (int i = 0; i < 10; i++) {
            assertThat(take(gate).delay()).isZero();
        }
        QuotaSlot eleventh = gate.reserve(0);

        assertThat(eleventh.at()).isEqualTo(Instant.parse("2026-11-26T10:01:00Z"));
        assertThat(eleventh.delay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(eleventh.reason()).contains("10 requests per minute");
    }

    @Test
    void theHundredAndFirstRequestOfTheDayPausesUntilMidnightUtc() {
        QuotaGate gate = gate(STARTER, Duration.ofMinutes(2));
        for (int i = 0; i < 100; i++) {
            take(gate);
        }

        QuotaExhaustedException thrown = catchThrowableOfType(QuotaExhaustedException.class, () -> gate.reserve(3));

        assertThat(thrown.resumeAt()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(thrown.attempts()).isEqualTo(3);
        assertThat(thrown.getMessage()).contains("100 requests per day", "leadlex.max-wait");
        clock.set(thrown.resumeAt());
        assertThat(gate.reserve(0).delay()).isZero();
    }

    @Test
    void remainingZeroHoldsEveryoneUntilTheReset() {
        QuotaGate gate = gate(QuotaLimits.unlimited(), Duration.ofMinutes(2));
        QuotaSlot slot = take(gate);

        gate.learn(slot, remaining(0, HALF_PAST.plusSeconds(40)));

        QuotaSlot next = gate.reserve(0);
        assertThat(next.delay()).isEqualTo(Duration.ofSeconds(40));
        assertThat(next.reason()).contains("X-RateLimit-Remaining 0");
    }

    @Test
    void aServerThatCountsMoreThanTheGateIsBelieved() {
        QuotaGate gate = gate(STARTER, Duration.ofMinutes(2));
        QuotaSlot first = take(gate);

        // the gate thinks 9 are left this minute; LeadLex says 2 (another process uses the key)
        gate.learn(first, remaining(2, Instant.parse("2026-11-26T10:01:00Z")));

        assertThat(take(gate).delay()).isZero();
        assertThat(take(gate).delay()).isZero();
        assertThat(gate.reserve(0).at()).isEqualTo(Instant.parse("2026-11-26T10:01:00Z"));
    }

    @Test
    void aServerThatCountsLessThanTheGateDoesNotLoosenIt() {
        QuotaGate gate = gate(STARTER, Duration.ofMinutes(2));
        QuotaSlot last = null;
        for (int i = 0; i < 10; i++) {
            last = take(gate);
        }

        gate.learn(last, remaining(5, Instant.parse("2026-11-26T10:01:00Z")));

        assertThat(gate.reserve(0).at()).isEqualTo(Instant.parse("2026-11-26T10:01:00Z"));
    }

    @Test
    void slotsGrantedAfterTheAnsweredRequestAreNotCountedTwiceNorForgotten() {
        QuotaGate gate = gate(QuotaLimits.unlimited(), Duration.ofMinutes(2));
        QuotaSlot first = gate.reserve(0);
        gate.reserve(0);
        gate.reserve(0);

        // LeadLex had 2 left after the first request; the two granted since may be on their way
        gate.learn(first, remaining(2, HALF_PAST.plusSeconds(30)));

        assertThat(gate.reserve(0).at()).isEqualTo(HALF_PAST.plusSeconds(30));
    }

    @Test
    void retryAfterBlocksTheGateAndVoidsSlotsGrantedBeforeIt() {
        QuotaGate gate = gate(QuotaLimits.unlimited(), Duration.ofMinutes(2));
        QuotaSlot grantedBefore = gate.reserve(0);

        gate.blockUntil(HALF_PAST.plusSeconds(20));

        assertThat(gate.confirm(grantedBefore)).isFalse();
        QuotaSlot next = gate.reserve(0);
        assertThat(next.delay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(next.reason()).contains("Retry-After");
        clock.advance(next.delay());
        assertThat(gate.confirm(next)).isTrue();
    }

    @Test
    void aWaitBeyondMaxWaitIsRefusedWithoutTakingASlot() {
        QuotaGate gate = gate(new QuotaLimits(1, 0), Duration.ofMinutes(2));
        gate.blockUntil(HALF_PAST.plus(Duration.ofHours(1)));

        QuotaExhaustedException thrown = catchThrowableOfType(QuotaExhaustedException.class, () -> gate.reserve(1));

        assertThat(thrown.resumeAt()).isEqualTo(HALF_PAST.plus(Duration.ofHours(1)));
        clock.set(thrown.resumeAt());
        assertThat(gate.reserve(0).delay()).isZero();
    }

    @Test
    void aSlotWhoseMinuteHasPassedIsGivenBackAndTakenAgain() {
        QuotaGate gate = gate(STARTER, Duration.ofMinutes(2));
        QuotaSlot slot = gate.reserve(0);

        clock.advance(Duration.ofSeconds(61));

        assertThat(gate.confirm(slot)).isFalse();
        for (int i = 0; i < 10; i++) {
            assertThat(take(gate).delay()).isZero();
        }
    }

    @Test
    void aSmallImportQueuesBehindGrantedSlotsNotBehindABigImportsFutureChunks() {
        QuotaGate gate = gate(STARTER, Duration.ofMinutes(2));
        for (int i = 0; i < 10; i++) {
            take(gate); // the big import used this minute
        }
        QuotaSlot bigNext = gate.reserve(0);
        QuotaSlot small = gate.reserve(0);
        QuotaSlot bigAfter = gate.reserve(0);

        assertThat(small.at()).isEqualTo(bigNext.at()).isEqualTo(Instant.parse("2026-11-26T10:01:00Z"));
        assertThat(List.of(bigNext.sequence(), small.sequence(), bigAfter.sequence())).isSorted();
        assertThat(bigAfter.at()).isEqualTo(small.at());
    }

    @Test
    void concurrentCallersGetSlotsInGrantOrderWithoutOverbookingAnyMinute() throws Exception {
        QuotaGate gate = gate(new QuotaLimits(10, 0), Duration.ofHours(1));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Callable<List<QuotaSlot>>> imports = Collections.nCopies(8,
                () -> IntStream.range(0, 25).mapToObj(i -> gate.reserve(0)).toList());
        List<QuotaSlot> all = new ArrayList<>();
        try {
            for (Future<List<QuotaSlot>> result : threads.invokeAll(imports)) {
                List<QuotaSlot> own = result.get();
                assertThat(own).extracting(QuotaSlot::at).isSorted();
                all.addAll(own);
            }
        } finally {
            threads.shutdownNow();
        }

        all.sort(Comparator.comparingLong(QuotaSlot::sequence));
        assertThat(all).extracting(QuotaSlot::at).isSorted();
        Map<Instant, Integer> perMinute = new TreeMap<>();
        all.forEach(slot -> perMinute.merge(slot.at().truncatedTo(java.time.temporal.ChronoUnit.MINUTES), 1,
                Integer::sum));
        assertThat(perMinute).hasSize(20);
        assertThat(perMinute.values()).containsOnly(10);
    }

    @Test
    void aPauseIsExplainedInWordsNotInIsoDurations() {
        QuotaGate gate = gate(STARTER, Duration.ofMinutes(2));
        for (int i = 0; i < 100; i++) {
            take(gate);
        }

        QuotaExhaustedException thrown = catchThrowableOfType(QuotaExhaustedException.class, () -> gate.reserve(0));

        assertThat(thrown.getMessage()).contains("at Fri 27 Nov 00:00 UTC", "in 13 h", "leadlex.max-wait (2 min)")
                .doesNotContain("PT");
    }

    @Test
    void theOutlookCountsSentAndReservedRequestsPerWindow() {
        QuotaGate gate = gate(STARTER, Duration.ofMinutes(2));
        for (int i = 0; i < 10; i++) {
            take(gate);
        }
        QuotaSlot waiting = gate.reserve(0); // holds a slot at 10:01, not sent yet

        QuotaOutlook outlook = gate.outlook();

        assertThat(outlook.at()).isEqualTo(HALF_PAST);
        assertThat(outlook.limits()).isEqualTo(STARTER);
        assertThat(outlook.countsByMinute()).containsValues(10, 1);
        assertThat(outlook.usedToday()).isEqualTo(11);
        assertThat(waiting.at()).isEqualTo(Instant.parse("2026-11-26T10:01:00Z"));
        assertThat(outlook.answerTime()).as("LeadLex has not answered yet").isNull();
    }

    @Test
    void theOutlookLearnsTheLimitsLeadLexNamesAndItsAnswerTime() {
        QuotaGate gate = gate(QuotaLimits.unlimited(), Duration.ofMinutes(2));
        QuotaSlot first = take(gate);
        clock.advance(Duration.ofMillis(300));
        gate.learn(first, new RateLimitHeaders(2, 1, Instant.parse("2026-11-27T00:00:00Z"), null));
        QuotaSlot second = take(gate);
        clock.advance(Duration.ofMillis(300));
        gate.learn(second, new RateLimitHeaders(10, 9, Instant.parse("2026-11-26T10:01:00Z"), null));

        QuotaOutlook outlook = gate.outlook();

        assertThat(outlook.limits()).isEqualTo(new QuotaLimits(10, 2));
        assertThat(outlook.answerTime()).isEqualTo(Duration.ofMillis(300));
        // the day's window, used up by the second request, outranks news about the minute
        assertThat(outlook.serverRemaining()).isZero();
        assertThat(outlook.serverResetAt()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    }

    @Test
    void aResetAtMidnightWithinTheMinuteTeachesNoLimit() {
        clock.set(Instant.parse("2026-11-26T23:59:30Z"));
        QuotaGate gate = gate(QuotaLimits.unlimited(), Duration.ofMinutes(2));
        QuotaSlot slot = take(gate);

        gate.learn(slot, new RateLimitHeaders(10, 9, Instant.parse("2026-11-27T00:00:00Z"), null));

        assertThat(gate.outlook().limits()).isEqualTo(QuotaLimits.unlimited());
    }

    @Test
    void resumingNowLetsOneRequestOutWhateverTheCountsSayThenTheGateHoldsAgain() {
        QuotaGate gate = gate(new QuotaLimits(0, 2), Duration.ofMinutes(2));
        take(gate);
        take(gate);
        assertThat(gate.nextFreeAt()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));

        gate.allowOneRequestNow();

        QuotaSlot probe = gate.reserve(0);
        assertThat(probe.delay()).isZero();
        assertThat(probe.reason()).contains("resumed now", "LeadLex's answer");
        assertThat(gate.confirm(probe)).isTrue();
        assertThat(gate.state("k").usedToday()).as("it is counted like any request").isEqualTo(3);
        assertThat(catchThrowableOfType(QuotaExhaustedException.class, () -> gate.reserve(0))).isNotNull();
    }

    @Test
    void anAcceptedRequestLiftsARetryAfterAndAnEmptyServerWindowThatItProvedWrong() {
        QuotaGate gate = gate(QuotaLimits.unlimited(), Duration.ofMinutes(2));
        Instant midnight = Instant.parse("2026-11-27T00:00:00Z");
        gate.learn(take(gate), remaining(0, midnight));
        gate.blockUntil(HALF_PAST.plus(Duration.ofHours(3)));
        gate.allowOneRequestNow();
        QuotaSlot probe = take(gate);

        gate.accepted(probe);

        assertThat(gate.nextFreeAt()).isEqualTo(clock.instant());
        assertThat(gate.state("k").blockedUntil()).isNull();
    }

    @Test
    void anAcceptedRequestThatNobodyLetOutLiftsNoBlock() {
        QuotaGate gate = gate(QuotaLimits.unlimited(), Duration.ofMinutes(2));
        QuotaSlot sentBefore = take(gate);

        // another request's 429 came back while this one was on its way, and this one was accepted
        gate.blockUntil(HALF_PAST.plusSeconds(30));
        gate.accepted(sentBefore);

        assertThat(gate.nextFreeAt()).isEqualTo(HALF_PAST.plusSeconds(30));
    }

    @Test
    void anAnswerShowingMoreRoomInTheSameWindowIsBelieved() {
        QuotaGate gate = gate(QuotaLimits.unlimited(), Duration.ofMinutes(2));
        Instant midnight = Instant.parse("2026-11-27T00:00:00Z");
        gate.learn(take(gate), remaining(0, midnight));
        assertThat(gate.nextFreeAt()).isEqualTo(midnight);
        gate.allowOneRequestNow();

        // the key's plan was raised at LeadLex: the day still resets at midnight, with room to spare
        gate.learn(take(gate), new RateLimitHeaders(1_000, 997, midnight, null));

        assertThat(gate.nextFreeAt()).isEqualTo(clock.instant());
        assertThat(gate.state("k").leftToday()).isEqualTo(997);
    }
}
