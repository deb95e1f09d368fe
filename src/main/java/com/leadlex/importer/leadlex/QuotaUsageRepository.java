package com.leadlex.importer.leadlex;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.leadlex.importer.system.IndependentWrites;

/**
 * QUOTA_KEY and QUOTA_WINDOW: the {@link QuotaStore} that every node, the command line and a
 * restarted server share, so that a key has one quota however many processes use it. A decision is
 * taken in a transaction of its own ({@link IndependentWrites}), never in the chunk's, that first
 * locks the key's QUOTA_KEY row ({@code SELECT ... FOR UPDATE}), then reads the counts and LeadLex's
 * word as the last node left them, and writes what the decision changed: nodes take turns on the
 * row, in about the order they asked (PostgreSQL queues row-lock waiters). Its time is the
 * application's clock, which is the database's, so every node cuts the same windows.
 */
@Repository
public class QuotaUsageRepository implements QuotaStore {

    private static final String MINUTE = "MINUTE";
    private static final String DAY = "DAY";
    private static final String KEY_COLUMNS = "CONFIGURED_PER_MINUTE, CONFIGURED_PER_DAY, SERVER_LIMIT_PER_MINUTE, "
            + "SERVER_LIMIT_PER_DAY, SERVER_REMAINING, SERVER_RESET_AT, BLOCKED_UNTIL, GRANTED, ONE_REQUEST_NOW";

    private final JdbcTemplate jdbc;
    private final IndependentWrites writes;

    public QuotaUsageRepository(JdbcTemplate jdbc, IndependentWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** The key's quota lives here, and the gate's clock is not asked: windows are cut by the database's time. */
    @Override
    public QuotaBook book(String keyHash, String keyMask, Clock gateClock) {
        return new DatabaseQuotaBook(this, keyHash, keyMask);
    }

    Instant now() {
        return writes.now().toInstant();
    }

    /**
     * Runs {@code decision} on the key's quota under the key's row lock, in a transaction of its own,
     * and writes what it changed. The quota's instant is taken once the lock is held, so a node that
     * waited for it does not decide on a window that ended meanwhile.
     */
    <T> T change(String keyHash, String keyMask, boolean withCounts, Function<KeyQuota, T> decision) {
        return onceMoreIfAnotherCreatedTheRow(() -> {
            List<KeyQuota> locked = jdbc.query("SELECT " + KEY_COLUMNS + " FROM QUOTA_KEY WHERE KEY_HASH = ? FOR UPDATE",
                    (rs, row) -> quota(rs, now()), keyHash);
            KeyQuota quota;
            if (locked.isEmpty()) {
                // the first word on this key: the new row is this transaction's until it commits
                quota = KeyQuota.unknown(now());
                jdbc.update("INSERT INTO QUOTA_KEY (KEY_HASH, KEY_MASK, CONFIGURED_PER_MINUTE, CONFIGURED_PER_DAY, "
                        + "SERVER_LIMIT_PER_MINUTE, SERVER_LIMIT_PER_DAY, GRANTED, ONE_REQUEST_NOW, UPDATED_AT) "
                        + "VALUES (?, ?, 0, 0, 0, 0, 0, ?, ?)", keyHash, keyMask, false, writes.now());
            } else {
                quota = locked.get(0);
            }
            if (withCounts) {
                readCounts(keyHash, quota);
            }
            T result = decision.apply(quota);
            keep(keyHash, keyMask, quota);
            return result;
        });
    }

    /** The key's quota as committed, without a lock; a key never heard of reads as unknown. */
    KeyQuota read(String keyHash, boolean withCounts) {
        Instant now = now();
        List<KeyQuota> found = jdbc.query("SELECT " + KEY_COLUMNS + " FROM QUOTA_KEY WHERE KEY_HASH = ?",
                (rs, row) -> quota(rs, now), keyHash);
        KeyQuota quota = found.isEmpty() ? KeyQuota.unknown(now) : found.get(0);
        if (withCounts) {
            readCounts(keyHash, quota);
        }
        return quota;
    }

    /** Adds requests counted without the key's lock (an unmetered key's), per epoch minute, and to their days. */
    void count(String keyHash, Map<Long, Integer> byMinute) {
        onceMoreIfAnotherCreatedTheRow(() -> {
            byMinute.forEach((minute, used) -> {
                add(keyHash, MINUTE, minute * 60, used);
                add(keyHash, DAY, Math.floorDiv(minute * 60, 86_400) * 86_400, used);
            });
            return null;
        });
    }

    /** Minute rows before {@code minute} matter to nobody; day rows stay, a small history of each day's use. */
    void forgetMinutesBefore(String keyHash, long minute) {
        writes.update("DELETE FROM QUOTA_WINDOW WHERE KEY_HASH = ? AND WINDOW_KIND = ? AND WINDOW_START < ?", keyHash,
                MINUTE, utc(minute * 60));
    }

    private void readCounts(String keyHash, KeyQuota quota) {
        long minute = KeyQuota.minute(quota.at());
        long day = KeyQuota.day(quota.at());
        jdbc.query("SELECT WINDOW_KIND, WINDOW_START, USED FROM QUOTA_WINDOW WHERE KEY_HASH = ? AND "
                + "((WINDOW_KIND = ? AND WINDOW_START >= ?) OR (WINDOW_KIND = ? AND WINDOW_START >= ?))", rs -> {
                    long start = rs.getObject("WINDOW_START", OffsetDateTime.class).toEpochSecond();
                    if (MINUTE.equals(rs.getString("WINDOW_KIND"))) {
                        quota.countedInMinute(Math.floorDiv(start, 60), rs.getInt("USED"));
                    } else {
                        quota.countedInDay(Math.floorDiv(start, 86_400), rs.getInt("USED"));
                    }
                }, keyHash, MINUTE, utc(minute * 60), DAY, utc(day * 86_400));
    }

    /** Writes what a decision changed: its counts, and the key's row when LeadLex's word or the sequence moved. */
    private void keep(String keyHash, String keyMask, KeyQuota quota) {
        for (KeyQuota.Counted counted : quota.counted()) {
            long second = counted.at().getEpochSecond();
            add(keyHash, MINUTE, Math.floorDiv(second, 60) * 60, counted.delta());
            add(keyHash, DAY, Math.floorDiv(second, 86_400) * 86_400, counted.delta());
        }
        if (quota.wordChanged()) {
            // what is no longer in force is written as nothing, as the gate sees it
            jdbc.update("UPDATE QUOTA_KEY SET KEY_MASK = ?, CONFIGURED_PER_MINUTE = ?, CONFIGURED_PER_DAY = ?, "
                    + "SERVER_LIMIT_PER_MINUTE = ?, SERVER_LIMIT_PER_DAY = ?, SERVER_REMAINING = ?, SERVER_RESET_AT = ?, "
                    + "BLOCKED_UNTIL = ?, GRANTED = ?, ONE_REQUEST_NOW = ?, UPDATED_AT = ? WHERE KEY_HASH = ?", keyMask,
                    quota.configured().perMinute(), quota.configured().perDay(), quota.serverLimits().perMinute(),
                    quota.serverLimits().perDay(), quota.remaining(), utc(quota.resetAt()), utc(quota.blockedUntil()),
                    quota.granted(), quota.oneRequestNow(), writes.now(), keyHash);
        }
        quota.kept();
    }

    /**
     * Runs {@code work} in a transaction of its own, and once more if it lost a race to insert a row:
     * another process on the same database (a second node on PostgreSQL) created it first, so the
     * second run finds it and updates it. The failed insert spoilt the first transaction, hence a new one.
     */
    private <T> T onceMoreIfAnotherCreatedTheRow(Supplier<T> work) {
        try {
            return writes.inOwnTransaction(work);
        } catch (DuplicateKeyException e) {
            return writes.inOwnTransaction(work);
        }
    }

    /** Adds to one window's row, creating it at the first request counted in that window. */
    private void add(String keyHash, String kind, long windowStartSecond, int delta) {
        OffsetDateTime start = utc(windowStartSecond);
        int changed = jdbc.update("UPDATE QUOTA_WINDOW SET USED = USED + ?, UPDATED_AT = ? "
                + "WHERE KEY_HASH = ? AND WINDOW_KIND = ? AND WINDOW_START = ?", delta, writes.now(), keyHash, kind, start);
        if (changed == 0) {
            jdbc.update("INSERT INTO QUOTA_WINDOW (KEY_HASH, WINDOW_KIND, WINDOW_START, USED, UPDATED_AT) "
                    + "VALUES (?, ?, ?, ?, ?)", keyHash, kind, start, Math.max(0, delta), writes.now());
        }
    }

    private static KeyQuota quota(ResultSet rs, Instant now) throws SQLException {
        return new KeyQuota(now, new QuotaLimits(rs.getInt("CONFIGURED_PER_MINUTE"), rs.getInt("CONFIGURED_PER_DAY")),
                new QuotaLimits(rs.getInt("SERVER_LIMIT_PER_MINUTE"), rs.getInt("SERVER_LIMIT_PER_DAY")),
                rs.getObject("SERVER_REMAINING", Integer.class), instant(rs, "SERVER_RESET_AT"),
                instant(rs, "BLOCKED_UNTIL"), rs.getLong("GRANTED"), rs.getBoolean("ONE_REQUEST_NOW"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
