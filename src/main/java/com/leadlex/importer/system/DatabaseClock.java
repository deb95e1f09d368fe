package com.leadlex.importer.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's time, read at the speed of the local clock: the local clock plus the offset to
 * the database's {@code CURRENT_TIMESTAMP}, measured at start-up and again every {@code resync}.
 * Nodes on one database whose own clocks differ by seconds therefore agree on quota window
 * boundaries and lease expiry to within a network round trip. The offset is measured on a
 * connection of its own outside any transaction (in PostgreSQL {@code CURRENT_TIMESTAMP} is the
 * start of the current transaction), and on a background thread, so reading the time never waits
 * for the database; while the database is away the last offset holds.
 */
public final class DatabaseClock extends Clock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseClock.class);

    private final Clock local;
    private final DataSource dataSource;
    private final ScheduledExecutorService resyncer;
    private volatile Duration offset = Duration.ZERO;
    private volatile boolean lastMeasureFailed;

    private DatabaseClock(Clock local, DataSource dataSource, ScheduledExecutorService resyncer) {
        this.local = local;
        this.dataSource = dataSource;
        this.resyncer = resyncer;
    }

    /** Measures the offset now, then keeps it current every {@code resync} on a daemon thread. */
    public static DatabaseClock start(Clock local, DataSource dataSource, Duration resync) {
        ScheduledExecutorService resyncer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "database-clock");
            thread.setDaemon(true);
            return thread;
        });
        DatabaseClock clock = new DatabaseClock(local, dataSource, resyncer);
        clock.measure();
        resyncer.scheduleWithFixedDelay(clock::measure, resync.toMillis(), resync.toMillis(), TimeUnit.MILLISECONDS);
        return clock;
    }

    /** How far the database's clock is ahead of this node's (negative when behind). */
    public Duration offset() {
        return offset;
    }

    /** Reads the database's time once and keeps the offset to it; the midpoint of the round trip is taken as "then". */
    void measure() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                Instant before = local.instant();
                Instant database;
                try (ResultSet rs = statement.executeQuery("SELECT CURRENT_TIMESTAMP")) {
                    rs.next();
                    database = rs.getObject(1, OffsetDateTime.class).toInstant();
                }
                Instant after = local.instant();
                Instant midpoint = before.plus(Duration.between(before, after).dividedBy(2));
                offset = Duration.between(midpoint, database);
                if (lastMeasureFailed) {
                    log.info("The database's clock is readable again; it is {} ms ahead of this node's", offset.toMillis());
                }
                lastMeasureFailed = false;
            }
        } catch (SQLException | RuntimeException e) {
            if (!lastMeasureFailed) {
                log.warn("Could not read the database's clock ({}); keeping the last offset ({} ms) and trying again",
                        e.getMessage(), offset.toMillis());
            }
            lastMeasureFailed = true;
        }
    }

    @Override
    public Instant instant() {
        return local.instant().plus(offset);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Zoned(this, zone);
    }

    @Override
    public void close() {
        resyncer.shutdownNow();
    }

    /** This clock's instants, in another zone. */
    private static final class Zoned extends Clock {
        private final DatabaseClock source;
        private final ZoneId zone;

        Zoned(DatabaseClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return source.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Zoned(source, other);
        }
    }
}
