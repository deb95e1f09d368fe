package com.leadlex.importer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Two nodes whose own clocks disagree by seconds read the same time from the database's clock:
 * the agreement quota windows and leases rely on.
 */
class DatabaseClockTest {

    private final JdbcDataSource database = new JdbcDataSource();

    DatabaseClockTest() {
        database.setURL("jdbc:h2:mem:database-clock;DB_CLOSE_DELAY=-1");
    }

    @Test
    void nodesWhoseClocksDifferBySecondsReadTheSameTime() {
        Clock fast = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(7));
        Clock slow = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-5));
        try (DatabaseClock onFastNode = DatabaseClock.start(fast, database, Duration.ofMinutes(1));
                DatabaseClock onSlowNode = DatabaseClock.start(slow, database, Duration.ofMinutes(1))) {
            Instant fastSays = onFastNode.instant();
            Instant slowSays = onSlowNode.instant();
            Instant truth = Instant.now();

            assertThat(Duration.between(fastSays, slowSays).abs()).isLessThan(Duration.ofMillis(500));
            assertThat(Duration.between(truth, fastSays).abs()).isLessThan(Duration.ofMillis(500));
            assertThat(onFastNode.offset()).isBetween(Duration.ofMillis(-7_500), Duration.ofMillis(-6_500));
            assertThat(onFastNode.getZone()).isEqualTo(ZoneOffset.UTC);
        }
    }

    @Test
    void aDatabaseThatIsAwayLeavesTheLastOffsetInForce() {
        JdbcDataSource away = new JdbcDataSource();
        away.setURL("jdbc:h2:tcp://127.0.0.1:1/nowhere");
        Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(3));
        try (DatabaseClock clock = DatabaseClock.start(skewed, away, Duration.ofMinutes(1))) {
            assertThat(clock.offset()).isEqualTo(Duration.ZERO);
            assertThat(Duration.between(skewed.instant(), clock.instant()).abs()).isLessThan(Duration.ofMillis(500));
        }
    }
}
