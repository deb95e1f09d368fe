package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.leadlex.importer.system.IndependentWrites;
import com.leadlex.importer.system.ManualClock;
import com.leadlex.importer.system.ManualTimeConfiguration;

/**
 * A key's quota outlives its gate: a second gate on the same database (a restarted server, or the
 * command line run after it) starts from what the first one counted and heard. A JDBC slice: the
 * repository on an in-memory H2 migrated by Flyway, gates on a manual clock.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:quota-slice;DB_CLOSE_DELAY=-1",
        "spring.batch.jdbc.initialize-schema=always"})
@Import({QuotaUsageRepository.class, IndependentWrites.class, ManualTimeConfiguration.class})
class QuotaUsageRepositoryTest {

    static final QuotaLimits TWO_A_DAY = new QuotaLimits(0, 2);
    static final Instant MIDNIGHT = Instant.parse("2026-11-27T00:00:00Z");
    static final Duration MAX_WAIT = Duration.ofMinutes(2);

    @Autowired
    QuotaUsageRepository store;
    @Autowired
    ManualClock clock;

    /** Each test its own key, so the shared in-memory database needs no cleaning. */
    private String key;

    @BeforeEach
    void startOfTheTestDay() {
        clock.set(ManualTimeConfiguration.START);
    }

    QuotaGate gate(String keyHash, QuotaLimits limits) {
        key = keyHash;
        return new QuotaGate(clock, limits, MAX_WAIT, store, keyHash, "wbk_…test");
    }

    @Test
    void theRequestsOfTheDayAreStillCountedByTheNextProcess() {
        QuotaGate first = gate("restart", TWO_A_DAY);
        take(first);
        take(first);

        QuotaGate afterRestart = gate(key, TWO_A_DAY);

        QuotaExhaustedException refused = catchThrowableOfType(QuotaExhaustedException.class,
                () -> afterRestart.reserve(0));
        assertThat(refused).as("no third request today").isNotNull();
        assertThat(refused.resumeAt()).isEqualTo(MIDNIGHT);
        assertThat(afterRestart.state("k").usedToday()).isEqualTo(2);
        assertThat(afterRestart.state("k").leftToday()).isZero();
        clock.set(MIDNIGHT);
        assertThat(gate(key, TWO_A_DAY).reserve(0).delay()).as("a new day").isZero();
    }

    @Test
    void aSlotGivenBackIsNotCountedByTheNextProcess() {
        QuotaGate first = gate("given-back", new QuotaLimits(1, 0));
        QuotaSlot slot = first.reserve(0);
        clock.advance(Duration.ofMinutes(1)); // its minute passed before it was sent
        assertThat(first.confirm(slot)).isFalse();

        assertThat(gate(key, new QuotaLimits(1, 0)).state("k").usedThisMinute()).isZero();
    }

    @Test
    void leadLexsRemainingAndRetryAfterAreRememberedToo() {
        QuotaGate first = gate("server-word", QuotaLimits.unlimited());
        QuotaSlot slot = take(first);
        first.learn(slot, new RateLimitHeaders(2, 0, MIDNIGHT, null));

        QuotaGate afterRestart = gate(key, QuotaLimits.unlimited());

        assertThat(afterRestart.nextFreeAt()).isEqualTo(MIDNIGHT);
        assertThat(afterRestart.state("k").serverRemaining()).isZero();
        assertThat(afterRestart.outlook().limits().perDay()).as("X-RateLimit-Limit named the day's").isEqualTo(2);

        afterRestart.blockUntil(clock.instant().plus(Duration.ofHours(1)));
        assertThat(gate(key, QuotaLimits.unlimited()).state("k").blockedUntil())
                .isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void raisedLimitsForgetLeadLexsEarlierRemainingButKeepItsRetryAfter() {
        QuotaGate first = gate("raised", TWO_A_DAY);
        take(first);
        QuotaSlot second = take(first);
        first.learn(second, new RateLimitHeaders(2, 0, MIDNIGHT, null));

        QuotaGate raised = gate(key, new QuotaLimits(0, 1_000));

        assertThat(raised.nextFreeAt()).as("2 of 1,000 used, LeadLex's 0 was said under the old plan")
                .isEqualTo(clock.instant());
        assertThat(raised.state("k").usedToday()).isEqualTo(2);

        Instant retryAt = clock.instant().plus(Duration.ofMinutes(30));
        raised.blockUntil(retryAt);
        assertThat(gate(key, new QuotaLimits(0, 5_000)).nextFreeAt()).isEqualTo(retryAt);
    }

    @Test
    void lowerLimitsKeepLeadLexsWord() {
        QuotaGate first = gate("lowered", new QuotaLimits(0, 100));
        first.learn(take(first), new RateLimitHeaders(100, 0, MIDNIGHT, null));

        assertThat(gate(key, new QuotaLimits(0, 50)).nextFreeAt()).isEqualTo(MIDNIGHT);
    }

    /**
     * An import paused for the day resumes at the reset instant itself (its alarm rings then): the day's
     * count, LeadLex's "0 left until midnight" and a Retry-After to midnight all let that first request
     * out at once, not a window later, and not a millisecond before.
     */
    @Test
    void atTheResetInstantItselfTheDaysFirstSlotIsGrantedWithoutWaiting() {
        QuotaGate gate = gate("reset-instant", TWO_A_DAY);
        take(gate);
        gate.learn(take(gate), new RateLimitHeaders(2, 0, MIDNIGHT, null));
        gate.blockUntil(MIDNIGHT);
        QuotaExhaustedException paused = catchThrowableOfType(QuotaExhaustedException.class, () -> gate.reserve(0));
        assertThat(paused.resumeAt()).isEqualTo(MIDNIGHT);

        clock.set(MIDNIGHT.minusMillis(1));
        assertThat(gate(key, TWO_A_DAY).reserve(0).at()).as("a millisecond early: wait for the reset")
                .isEqualTo(MIDNIGHT);

        clock.set(MIDNIGHT);
        QuotaSlot first = gate(key, TWO_A_DAY).reserve(0);
        assertThat(first.delay()).isZero();
        assertThat(first.at()).isEqualTo(MIDNIGHT);
    }

    private QuotaSlot take(QuotaGate gate) {
        QuotaSlot slot = gate.reserve(0);
        clock.advance(slot.delay());
        assertThat(gate.confirm(slot)).isTrue();
        return slot;
    }
}
