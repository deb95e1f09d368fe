package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Full jitter: random(0, min(cap, base·2^n)), never above the cap. */
class BackoffPolicyTest {

    final BackoffPolicy policy = new BackoffPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), new Random(7));

    @Test
    void ceilingDoublesUpToTheCap() {
        assertThat(policy.ceiling(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.ceiling(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.ceiling(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.ceiling(500)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void delaysAreSpreadBetweenZeroAndTheCeiling() {
        Set<Duration> seen = new HashSet<>();
        for (int retry = 0; retry < 40; retry++) {
            for (int i = 0; i < 50; i++) {
                Duration delay = policy.delay(retry);
                assertThat(delay).isBetween(Duration.ZERO, policy.ceiling(retry));
                assertThat(delay).isLessThanOrEqualTo(Duration.ofSeconds(30));
                seen.add(delay);
            }
        }
        assertThat(seen).hasSizeGreaterThan(100);
    }

    @Test
    void aSeededRandomGivesRepeatableDelays() {
        BackoffPolicy again = new BackoffPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), new Random(7));
        BackoffPolicy first = new BackoffPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), new Random(7));
        for (int retry = 0; retry < 10; retry++) {
            assertThat(again.delay(retry)).isEqualTo(first.delay(retry));
        }
    }
}
