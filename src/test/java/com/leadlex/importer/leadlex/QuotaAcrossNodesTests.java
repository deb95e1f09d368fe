package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.leadlex.importer.system.IndependentWrites;
import com.leadlex.importer.system.ManualClock;
import com.leadlex.importer.system.ManualTimeConfiguration;

/**
 * Several nodes on one database share one quota per key: each node's gate is given its own clock,
 * seconds off the others, and they reserve on the same key at once; the windows are the database's
 * (here the manual clock the repository reads stands for the database's time). A JDBC slice, run on
 * H2 and on PostgreSQL by the two subclasses; each test has a key of its own.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({QuotaUsageRepository.class, IndependentWrites.class, ManualTimeConfiguration.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class QuotaAcrossNodesTests {

    static final QuotaLimits THIRTY_A_MINUTE = new QuotaLimits(30, 0);
    /** Two seconds before a minute ends, on the database's clock: the nodes' clocks straddle the boundary. */
    static final Instant BEFORE_TEN_PAST_ONE = Instant.parse("2026-11-26T10:00:58Z");
    static final Instant TEN_PAST_ONE = Instant.parse("2026-11-26T10:01:00Z");

    @Autowired
    QuotaUsageRepository store;
    @Autowired
    ManualClock database;
    @Autowired
    DataSource dataSource;

    private String key;
    private final ExecutorService threads = Executors.newFixedThreadPool(9);

    @BeforeEach
    void aKeyOfItsOwn() {
        key = "nodes-" + UUID.randomUUID();
        database.set(BEFORE_TEN_PAST_ONE);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** One node's gate on the shared key, on a clock of its own {@code skew} off the database's. */
    QuotaGate node(Duration skew, QuotaLimits limits) {
        return new QuotaGate(Clock.offset(database, skew), limits, Duration.ofHours(1), store, key, "wbk_…nodes");
    }

    /** A slot granted to one node, and when its request leaves: after the wait, on the database's clock. */
    record Sent(int node, QuotaSlot slot, Instant leavesAt) {
    }

    @Test
    void threeNodesWithSkewedClocksStayInsideThirtyAMinuteTogether() throws Exception {
        List<QuotaGate> nodes = List.of(node(Duration.ofSeconds(3), THIRTY_A_MINUTE),
                node(Duration.ofSeconds(-3), THIRTY_A_MINUTE), node(Duration.ofMillis(1_500), THIRTY_A_MINUTE));
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<List<Sent>>> senders = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            int node = n;
            for (int thread = 0; thread < 3; thread++) {
                senders.add(() -> {
                    go.await();
                    List<Sent> sent = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        QuotaSlot slot = nodes.get(node).reserve(0);
                        sent.add(new Sent(node, slot, database.instant().plus(slot.delay())));
                    }
                    return sent;
                });
            }
        }

        List<Future<List<Sent>>> results = senders.stream().map(threads::submit).toList();
        go.countDown();
        List<Sent> all = new ArrayList<>();
        for (Future<List<Sent>> result : results) {
            all.addAll(result.get(60, TimeUnit.SECONDS));
        }

        assertThat(all).extracting(sent -> sent.slot().sequence()).doesNotHaveDuplicates().hasSize(180);
        assertThat(all).allSatisfy(sent -> assertThat(sent.slot().at()).isEqualTo(sent.leavesAt()));
        // which node gets which minute is left to the threads' scheduling, not asserted: reserve(0) here
        // hands out future slots without waiting, so on a busy machine one node's threads may take a
        // whole minute (CI saw it); in the importer each sender waits for its slot before asking again
        Map<Instant, Integer> perMinute = new TreeMap<>();
        for (Sent sent : all) {
            Instant minute = sent.leavesAt().truncatedTo(ChronoUnit.MINUTES);
            perMinute.merge(minute, 1, Integer::sum);
        }
        assertThat(perMinute).as("30 a minute from the minute the nodes started in, never more")
                .containsOnlyKeys(BEFORE_TEN_PAST_ONE.truncatedTo(ChronoUnit.MINUTES), TEN_PAST_ONE,
                        TEN_PAST_ONE.plusSeconds(60), TEN_PAST_ONE.plusSeconds(120), TEN_PAST_ONE.plusSeconds(180),
                        TEN_PAST_ONE.plusSeconds(240))
                .allSatisfy((minute, count) -> assertThat(count).isEqualTo(30));
        // each node confirms its slots when they are due: none is late by its own clock's say
        all.sort(Comparator.comparingLong(sent -> sent.slot().sequence()));
        for (Sent sent : all) {
            if (sent.leavesAt().isAfter(database.instant())) {
                database.set(sent.leavesAt());
            }
            assertThat(nodes.get(sent.node()).confirm(sent.slot())).as("slot %s", sent.slot()).isTrue();
        }
    }

    @Test
    void aRetryAfterHeardOnOneNodeHoldsBackTheOthers() {
        QuotaGate first = node(Duration.ZERO, THIRTY_A_MINUTE);
        QuotaGate second = node(Duration.ofSeconds(2), THIRTY_A_MINUTE);
        QuotaSlot grantedBefore = second.reserve(0);

        first.blockUntil(BEFORE_TEN_PAST_ONE.plusSeconds(40));

        assertThat(second.confirm(grantedBefore)).as("voided by the other node's Retry-After").isFalse();
        QuotaSlot next = second.reserve(0);
        assertThat(next.at()).isEqualTo(BEFORE_TEN_PAST_ONE.plusSeconds(40));
        assertThat(next.delay()).isEqualTo(Duration.ofSeconds(40));
        assertThat(next.reason()).contains("Retry-After");
        assertThat(node(Duration.ofSeconds(-1), THIRTY_A_MINUTE).state("k").blockedUntil())
                .isEqualTo(BEFORE_TEN_PAST_ONE.plusSeconds(40));
    }

    @Test
    void noneLeftHeardOnOneNodeHoldsBackTheOthersOnAKeyConfiguredAsUnmetered() {
        QuotaGate first = node(Duration.ZERO, QuotaLimits.unlimited());
        QuotaGate second = node(Duration.ofSeconds(-2), QuotaLimits.unlimited());
        QuotaSlot sent = first.reserve(0);

        first.learn(sent, new RateLimitHeaders(30, 0, TEN_PAST_ONE, null));

        QuotaSlot held = second.reserve(0);
        assertThat(held.at()).isEqualTo(TEN_PAST_ONE);
        assertThat(held.reason()).contains("X-RateLimit-Remaining 0");
        assertThat(second.outlook().limits()).as("X-RateLimit-Limit named the minute's")
                .isEqualTo(new QuotaLimits(30, 0));
    }

    @Test
    void leadLexsRemainingIsCorrectedForTheSlotsOtherNodesWereGrantedSince() {
        QuotaGate first = node(Duration.ZERO, THIRTY_A_MINUTE);
        QuotaGate second = node(Duration.ofSeconds(1), THIRTY_A_MINUTE);
        QuotaGate third = node(Duration.ofSeconds(-1), THIRTY_A_MINUTE);
        QuotaSlot answered = first.reserve(0);
        second.reserve(0);
        third.reserve(0);

        // 3 left once the first request was counted; the two granted since may still be on their way
        first.learn(answered, new RateLimitHeaders(30, 3, TEN_PAST_ONE, null));

        assertThat(second.reserve(0).at()).as("the one left").isEqualTo(BEFORE_TEN_PAST_ONE);
        assertThat(third.reserve(0).at()).isEqualTo(TEN_PAST_ONE);
    }

    @Test
    void resumeNowAskedOnOneNodeLetsOneRequestOutOnAnother() {
        QuotaLimits twoADay = new QuotaLimits(0, 2);
        QuotaGate asked = node(Duration.ZERO, twoADay);
        QuotaGate running = node(Duration.ofSeconds(3), twoADay);
        running.reserve(0);
        running.reserve(0);
        running.blockUntil(BEFORE_TEN_PAST_ONE.plusSeconds(3_600));

        asked.allowOneRequestNow();

        QuotaSlot letOut = running.reserve(0);
        assertThat(letOut.delay()).isZero();
        assertThat(letOut.reason()).contains("resumed now");
        assertThat(running.confirm(letOut)).as("it goes despite the Retry-After").isTrue();
        running.accepted(letOut);
        assertThat(asked.state("k").blockedUntil()).as("LeadLex took it: the block was wrong").isNull();
        assertThat(asked.nextFreeAt()).as("one request only; the day's 2 are used")
                .isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    }

    @Test
    void anUnmeteredKeyTakesNoLockYetEveryNodesRequestsAreCounted() throws Exception {
        QuotaGate first = node(Duration.ZERO, QuotaLimits.unlimited());
        QuotaGate second = node(Duration.ofSeconds(2), QuotaLimits.unlimited());

        try (Connection another = dataSource.getConnection()) {
            another.setAutoCommit(false);
            try (PreparedStatement lock = another.prepareStatement(
                    "SELECT GRANTED FROM QUOTA_KEY WHERE KEY_HASH = ? FOR UPDATE")) {
                lock.setString(1, key);
                try (ResultSet row = lock.executeQuery()) {
                    assertThat(row.next()).as("the key's row, held by another transaction").isTrue();
                }
            }
            QuotaSlot slot = threads.submit(() -> second.reserve(0)).get(5, TimeUnit.SECONDS);
            assertThat(slot.delay()).isZero();
            another.rollback();
        }
        first.reserve(0);
        first.reserve(0);
        second.reserve(0);
        first.flush();
        second.flush();

        QuotaState state = node(Duration.ZERO, QuotaLimits.unlimited()).state("k");
        assertThat(state.usedThisMinute()).isEqualTo(4);
        assertThat(state.usedToday()).isEqualTo(4);
    }
}
