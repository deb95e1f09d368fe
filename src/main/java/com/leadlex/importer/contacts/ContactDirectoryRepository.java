package com.leadlex.importer.contacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.leadlex.importer.system.IndependentWrites;

/**
 * CONTACT_DIRECTORY, CONTACT_DIRECTORY_STATE and CONTACT_EXPORT_CALL. Every write commits on its own
 * ({@link IndependentWrites}); a page of the export and the high-water mark it reaches are written in
 * one transaction, so a crash never leaves the mark ahead of the addresses. Upserts are an UPDATE then
 * an INSERT of what was not there (portable to both databases); when another writer inserted one of
 * those addresses in between, the whole transaction runs once more (on PostgreSQL a failed statement
 * spoils its transaction), and then finds it to update.
 */
@Repository
public class ContactDirectoryRepository {

    private static final int IN_LIST = 500;

    private final JdbcTemplate jdbc;
    private final IndependentWrites writes;

    public ContactDirectoryRepository(JdbcTemplate jdbc, IndependentWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** The entries of {@code emails} (normalized) that the directory has, by address. */
    public Map<String, DirectoryEntry> find(String keyHash, Collection<String> emails) {
        Map<String, DirectoryEntry> found = new HashMap<>();
        List<String> all = List.copyOf(emails);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
            Object[] args = new Object[part.size() + 1];
            args[0] = keyHash;
            for (int i = 0; i < part.size(); i++) {
                args[i + 1] = part.get(i);
            }
            jdbc.query("SELECT * FROM CONTACT_DIRECTORY WHERE KEY_HASH = ? AND EMAIL IN ("
                    + String.join(",", java.util.Collections.nCopies(part.size(), "?")) + ")",
                    rs -> {
                        DirectoryEntry entry = entry(rs);
                        found.put(entry.email(), entry);
                    }, args);
        }
        return found;
    }

    public int count(String keyHash) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM CONTACT_DIRECTORY WHERE KEY_HASH = ?", Integer.class,
                keyHash);
        return count == null ? 0 : count;
    }

    /** Adds or replaces the entries: the latest word on an address wins. */
    public void save(String keyHash, List<DirectoryEntry> entries) {
        againIfAnotherInserted(() -> writes.inOwnTransaction(() -> {
            upsert(keyHash, entries);
            return true;
        }));
    }

    /**
     * One page of the export by the node holding the refresh: its entries, and the high-water mark
     * moved up to {@code highWater}; false (nothing written) when the node no longer holds it.
     */
    public boolean savePage(String keyHash, String owner, List<DirectoryEntry> entries, Instant highWater) {
        Boolean saved = againIfAnotherInserted(() -> writes.inOwnTransaction(() -> {
            int held = jdbc.update("UPDATE CONTACT_DIRECTORY_STATE SET HIGH_WATER = CASE WHEN HIGH_WATER IS NULL OR "
                    + "HIGH_WATER < ? THEN ? ELSE HIGH_WATER END, UPDATED_AT = ? WHERE KEY_HASH = ? AND REFRESHING_BY = ?",
                    utc(highWater), utc(highWater), writes.now(), keyHash, owner);
            if (held == 0) {
                return false;
            }
            upsert(keyHash, entries);
            return true;
        }));
        return Boolean.TRUE.equals(saved);
    }

    private static Boolean againIfAnotherInserted(java.util.function.Supplier<Boolean> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.get();
            } catch (DuplicateKeyException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private void upsert(String keyHash, List<DirectoryEntry> given) {
        if (given.isEmpty()) {
            return;
        }
        // one row per address: of repeats within the batch, the last (the newest in an export page) wins
        Map<String, DirectoryEntry> byEmail = new java.util.LinkedHashMap<>();
        given.forEach(entry -> byEmail.put(entry.email(), entry));
        List<DirectoryEntry> entries = List.copyOf(byEmail.values());
        int[] updated = jdbc.batchUpdate("UPDATE CONTACT_DIRECTORY SET CONTACT_ID = ?, SOURCE = ?, CREATED_AT = ?, "
                + "SEEN_AT = ? WHERE KEY_HASH = ? AND EMAIL = ?", entries.stream().map(e -> new Object[] {
                    e.contactId(), e.source().name(), utc(e.createdAt()), utc(e.seenAt()), keyHash, e.email()})
                .toList());
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (updated[i] == 0) {
                DirectoryEntry e = entries.get(i);
                missing.add(new Object[] {keyHash, e.email(), e.contactId(), e.source().name(), utc(e.createdAt()),
                    utc(e.seenAt())});
            }
        }
        if (!missing.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO CONTACT_DIRECTORY (KEY_HASH, EMAIL, CONTACT_ID, SOURCE, CREATED_AT, SEEN_AT) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", missing);
        }
    }

    /** The directory's state for the key; {@link DirectoryState#EMPTY} before its first refresh. */
    public DirectoryState state(String keyHash) {
        List<DirectoryState> states = jdbc.query("SELECT * FROM CONTACT_DIRECTORY_STATE WHERE KEY_HASH = ?",
                (rs, row) -> new DirectoryState(instant(rs, "HIGH_WATER"), instant(rs, "REFRESHED_AT"),
                        rs.getString("REFRESHING_BY"), instant(rs, "REFRESHING_UNTIL"),
                        instant(rs, "EXPORT_BLOCKED_UNTIL"), rs.getString("LAST_ERROR")), keyHash);
        return states.isEmpty() ? DirectoryState.EMPTY : states.get(0);
    }

    /**
     * Claims the key's refresh for {@code owner} until {@code until}: true when it was free, its claim
     * had run out at {@code now}, or {@code owner} held it already. One conditional UPDATE, so of two
     * nodes asking at once exactly one wins.
     */
    public boolean claimRefresh(String keyHash, String keyMask, String owner, Instant until, Instant now) {
        ensureState(keyHash, keyMask);
        return writes.update("UPDATE CONTACT_DIRECTORY_STATE SET REFRESHING_BY = ?, REFRESHING_UNTIL = ?, UPDATED_AT = ? "
                + "WHERE KEY_HASH = ? AND (REFRESHING_BY IS NULL OR REFRESHING_UNTIL < ? OR REFRESHING_BY = ?)", owner,
                utc(until), writes.now(), keyHash, utc(now), owner) == 1;
    }

    /** Extends {@code owner}'s claim; false when another node has taken the refresh over meanwhile. */
    public boolean renewRefresh(String keyHash, String owner, Instant until) {
        return writes.update("UPDATE CONTACT_DIRECTORY_STATE SET REFRESHING_UNTIL = ?, UPDATED_AT = ? "
                + "WHERE KEY_HASH = ? AND REFRESHING_BY = ?", utc(until), writes.now(), keyHash, owner) == 1;
    }

    /** The refresh {@code owner} started at {@code startedAt} is complete; the claim is given back. */
    public void finishRefresh(String keyHash, String owner, Instant startedAt) {
        writes.update("UPDATE CONTACT_DIRECTORY_STATE SET REFRESHED_AT = ?, REFRESHING_BY = NULL, REFRESHING_UNTIL = NULL, "
                + "LAST_ERROR = NULL, UPDATED_AT = ? WHERE KEY_HASH = ? AND REFRESHING_BY = ?", utc(startedAt),
                writes.now(), keyHash, owner);
    }

    /** Gives the claim back without completing; {@code error} (or null) says why. */
    public void releaseRefresh(String keyHash, String owner, String error) {
        String truncated = error == null || error.length() <= 2000 ? error : error.substring(0, 1997) + "...";
        writes.update("UPDATE CONTACT_DIRECTORY_STATE SET REFRESHING_BY = NULL, REFRESHING_UNTIL = NULL, LAST_ERROR = ?, "
                + "UPDATED_AT = ? WHERE KEY_HASH = ? AND REFRESHING_BY = ?", truncated, writes.now(), keyHash, owner);
    }

    /** LeadLex said when the next export may go: no node exports before {@code until}. */
    public void blockExports(String keyHash, String keyMask, Instant until) {
        ensureState(keyHash, keyMask);
        writes.update("UPDATE CONTACT_DIRECTORY_STATE SET EXPORT_BLOCKED_UNTIL = ?, UPDATED_AT = ? WHERE KEY_HASH = ? "
                + "AND (EXPORT_BLOCKED_UNTIL IS NULL OR EXPORT_BLOCKED_UNTIL < ?)", utc(until), writes.now(), keyHash,
                utc(until));
    }

    /** Counts an export call at {@code at}, before it is sent; calls older than a day matter to nobody. */
    public void recordExportCall(String keyHash, String owner, Instant at) {
        writes.inOwnTransaction(() -> {
            jdbc.update("DELETE FROM CONTACT_EXPORT_CALL WHERE KEY_HASH = ? AND CALLED_AT < ?", keyHash,
                    utc(at.minus(java.time.Duration.ofDays(1))));
            return jdbc.update("INSERT INTO CONTACT_EXPORT_CALL (KEY_HASH, CALLED_AT, CALLED_BY) VALUES (?, ?, ?)",
                    keyHash, utc(at), owner);
        });
    }

    /** When the export calls made after {@code since} were made, oldest first. */
    public List<Instant> exportCallsAfter(String keyHash, Instant since) {
        return jdbc.query("SELECT CALLED_AT FROM CONTACT_EXPORT_CALL WHERE KEY_HASH = ? AND CALLED_AT > ? "
                + "ORDER BY CALLED_AT", (rs, row) -> instant(rs, "CALLED_AT"), keyHash, utc(since));
    }

    private void ensureState(String keyHash, String keyMask) {
        Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM CONTACT_DIRECTORY_STATE WHERE KEY_HASH = ?",
                Integer.class, keyHash);
        if (present != null && present > 0) {
            return;
        }
        try {
            writes.update("INSERT INTO CONTACT_DIRECTORY_STATE (KEY_HASH, KEY_MASK, UPDATED_AT) VALUES (?, ?, ?)",
                    keyHash, keyMask, writes.now());
        } catch (DuplicateKeyException e) {
            // another node created it a moment ago: that is all this wanted
        }
    }

    private static DirectoryEntry entry(ResultSet rs) throws SQLException {
        return new DirectoryEntry(rs.getString("EMAIL"), rs.getString("CONTACT_ID"),
                DirectorySource.valueOf(rs.getString("SOURCE")), instant(rs, "CREATED_AT"), instant(rs, "SEEN_AT"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
