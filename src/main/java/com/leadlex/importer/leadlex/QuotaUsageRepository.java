package com.leadlex.importer.leadlex;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.leadlex.importer.system.IndependentWrites;

/**
 * QUOTA_WINDOW and QUOTA_KEY: the {@link QuotaStore} of every key's gate. Each write commits on its
 * own ({@link IndependentWrites}): a request counted must stay counted when the chunk transaction
 * that asked for it rolls back.
 */
@Repository
public class QuotaUsageRepository implements QuotaStore {

    private static final String MINUTE = "MINUTE";
    private static final String DAY = "DAY";

    private final JdbcTemplate jdbc;
    private final IndependentWrites writes;

    public QuotaUsageRepository(JdbcTemplate jdbc, IndependentWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public StoredQuota load(String keyHash, Instant now) {
        long minute = Math.floorDiv(now.getEpochSecond(), 60);
        long day = Math.floorDiv(now.getEpochSecond(), 86_400);
        // minutes that are over matter to nobody; days stay, a small history of what each day used
        writes.update("DELETE FROM QUOTA_WINDOW WHERE KEY_HASH = ? AND WINDOW_KIND = ? AND WINDOW_START < ?", keyHash,
                MINUTE, utc(minute * 60));
        Map<Long, Integer> perMinute = counts(keyHash, MINUTE, minute * 60, 60);
        Map<Long, Integer> perDay = counts(keyHash, DAY, day * 86_400, 86_400);
        List<ServerWord> words = jdbc.query("SELECT * FROM QUOTA_KEY WHERE KEY_HASH = ?",
                QuotaUsageRepository::word, keyHash);
        return new StoredQuota(perMinute, perDay, words.isEmpty() ? null : words.get(0));
    }

    @Override
    public void count(String keyHash, Instant at, int delta) {
        long second = at.getEpochSecond();
        onceMoreIfAnotherCreatedTheRow(() -> {
            add(keyHash, MINUTE, Math.floorDiv(second, 60) * 60, delta);
            add(keyHash, DAY, Math.floorDiv(second, 86_400) * 86_400, delta);
        });
    }

    @Override
    public void saveServerWord(String keyHash, String keyMask, ServerWord word) {
        Object[] values = {keyMask, word.configured().perMinute(), word.configured().perDay(),
                word.serverLimits().perMinute(), word.serverLimits().perDay(), word.serverRemaining(),
                utc(word.serverResetAt()), utc(word.blockedUntil()), writes.now(), keyHash};
        onceMoreIfAnotherCreatedTheRow(() -> {
            int changed = jdbc.update("UPDATE QUOTA_KEY SET KEY_MASK = ?, CONFIGURED_PER_MINUTE = ?, "
                    + "CONFIGURED_PER_DAY = ?, SERVER_LIMIT_PER_MINUTE = ?, SERVER_LIMIT_PER_DAY = ?, "
                    + "SERVER_REMAINING = ?, SERVER_RESET_AT = ?, BLOCKED_UNTIL = ?, UPDATED_AT = ? WHERE KEY_HASH = ?",
                    values);
            if (changed == 0) {
                jdbc.update("INSERT INTO QUOTA_KEY (KEY_MASK, CONFIGURED_PER_MINUTE, CONFIGURED_PER_DAY, "
                        + "SERVER_LIMIT_PER_MINUTE, SERVER_LIMIT_PER_DAY, SERVER_REMAINING, SERVER_RESET_AT, "
                        + "BLOCKED_UNTIL, UPDATED_AT, KEY_HASH) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
            }
        });
    }

    /**
     * Runs {@code work} in a transaction of its own, and once more if it lost a race to insert a row:
     * another process on the same database (a second node on PostgreSQL) created it first, so the
     * second run finds it and updates it. The failed insert spoilt the first transaction, hence a new one.
     */
    private void onceMoreIfAnotherCreatedTheRow(Runnable work) {
        try {
            writes.inOwnTransaction(() -> {
                work.run();
                return null;
            });
        } catch (DuplicateKeyException e) {
            writes.inOwnTransaction(() -> {
                work.run();
                return null;
            });
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

    private Map<Long, Integer> counts(String keyHash, String kind, long fromSecond, long windowSeconds) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.query("SELECT WINDOW_START, USED FROM QUOTA_WINDOW WHERE KEY_HASH = ? AND WINDOW_KIND = ? "
                + "AND WINDOW_START >= ?", rs -> {
                    long start = rs.getObject("WINDOW_START", OffsetDateTime.class).toEpochSecond();
                    counts.put(Math.floorDiv(start, windowSeconds), rs.getInt("USED"));
                }, keyHash, kind, utc(fromSecond));
        return counts;
    }

    private static ServerWord word(ResultSet rs, int row) throws SQLException {
        return new ServerWord(new QuotaLimits(rs.getInt("CONFIGURED_PER_MINUTE"), rs.getInt("CONFIGURED_PER_DAY")),
                new QuotaLimits(rs.getInt("SERVER_LIMIT_PER_MINUTE"), rs.getInt("SERVER_LIMIT_PER_DAY")),
                rs.getObject("SERVER_REMAINING", Integer.class), instant(rs, "SERVER_RESET_AT"),
                instant(rs, "BLOCKED_UNTIL"));
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
