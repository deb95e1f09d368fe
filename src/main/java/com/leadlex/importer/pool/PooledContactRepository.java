package com.leadlex.importer.pool;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.leadlex.importer.system.GeneratedIds;
import com.leadlex.importer.system.IndependentWrites;

/**
 * The per-campaign pool of pending contact IDs (WEBHOOK_CONTACT rows without a batch), filled by
 * webhook events and by small lists, and the claiming of its rows into batches (WEBHOOK_BATCH). A
 * claim locks the rows it takes with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL and H2 2.x both have
 * it), so several instances polling the same database never take the same ID twice; a small list is
 * never split between two batches, so its import follows exactly one pooled import. A batch is
 * CLAIMED until it has an import; one left CLAIMED by a crash is taken up again after the claim lease.
 */
@Repository
public class PooledContactRepository {

    private static final int IN_BATCH = 100;

    private final JdbcTemplate jdbc;
    private final IndependentWrites writes;

    public PooledContactRepository(JdbcTemplate jdbc, IndependentWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    public List<PendingCampaign> pendingCampaigns() {
        return jdbc.query("SELECT CAMPAIGN_ID, COUNT(*) AS PENDING, "
                + "MIN(CASE WHEN LIST_IMPORT_ID IS NULL THEN RECEIVED_AT END) AS OLDEST_EVENT, "
                + "MIN(CASE WHEN LIST_IMPORT_ID IS NOT NULL THEN RECEIVED_AT END) AS OLDEST_LIST "
                + "FROM WEBHOOK_CONTACT WHERE BATCH_ID IS NULL GROUP BY CAMPAIGN_ID ORDER BY MIN(RECEIVED_AT)",
                (rs, row) -> new PendingCampaign(rs.getString("CAMPAIGN_ID"), rs.getInt("PENDING"),
                        instant(rs.getObject("OLDEST_EVENT", OffsetDateTime.class)),
                        instant(rs.getObject("OLDEST_LIST", OffsetDateTime.class))));
    }

    /** Puts a small list's IDs into its campaign's pool, in one transaction, in list order. */
    public void addList(String campaignId, long listImportId, List<String> contactIds) {
        OffsetDateTime now = writes.now();
        writes.inOwnTransaction(() -> jdbc.batchUpdate("INSERT INTO WEBHOOK_CONTACT (CAMPAIGN_ID, CONTACT_ID, "
                + "RECEIVED_AT, LIST_IMPORT_ID) VALUES (?, ?, ?, ?)",
                contactIds.stream().map(id -> new Object[] {campaignId, id, now, listImportId}).toList()));
    }

    /**
     * Takes up to {@code limit} pending IDs of a campaign, oldest first, skipping rows another
     * poller has locked; empty (and nothing taken) when fewer than {@code minimum} are free, so a
     * second poller does not turn the leftovers of a full batch into a small one. A list whose IDs do
     * not all fit is left whole for the next batch.
     */
    public Optional<ClaimedBatch> claim(String campaignId, int limit, int minimum) {
        return writes.inOwnTransaction(() -> {
            List<PendingRow> rows = new ArrayList<>();
            jdbc.query("SELECT ID, CONTACT_ID, EMAIL, LIST_IMPORT_ID FROM WEBHOOK_CONTACT WHERE CAMPAIGN_ID = ? "
                    + "AND BATCH_ID IS NULL ORDER BY ID FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED",
                    rs -> {
                        String contactId = rs.getString("CONTACT_ID");
                        rows.add(new PendingRow(rs.getLong("ID"), contactId != null ? contactId : rs.getString("EMAIL"),
                                rs.getObject("LIST_IMPORT_ID", Long.class)));
                    }, campaignId);
            if (rows.isEmpty() || rows.size() < minimum) {
                return Optional.<ClaimedBatch>empty();
            }
            List<PendingRow> taken = withoutCutLists(rows);
            if (taken.isEmpty()) {
                return Optional.<ClaimedBatch>empty();
            }
            long batchId = insertBatch(campaignId, taken.size());
            jdbc.batchUpdate("UPDATE WEBHOOK_CONTACT SET BATCH_ID = ? WHERE ID = ?",
                    taken.stream().map(row -> new Object[] {batchId, row.id()}).toList());
            return Optional.of(new ClaimedBatch(batchId, campaignId,
                    taken.stream().map(PendingRow::contactId).toList(),
                    taken.stream().anyMatch(row -> row.listImportId() != null)));
        });
    }

    /** The rows without those of lists that have pending rows beyond them: such a list waits for the next batch. */
    private List<PendingRow> withoutCutLists(List<PendingRow> rows) {
        Map<Long, Integer> takenPerList = new HashMap<>();
        rows.stream().filter(row -> row.listImportId() != null)
                .forEach(row -> takenPerList.merge(row.listImportId(), 1, Integer::sum));
        if (takenPerList.isEmpty()) {
            return rows;
        }
        Set<Long> cut = new HashSet<>();
        List<Long> lists = new ArrayList<>(takenPerList.keySet());
        for (int from = 0; from < lists.size(); from += IN_BATCH) {
            List<Long> some = lists.subList(from, Math.min(lists.size(), from + IN_BATCH));
            jdbc.query("SELECT LIST_IMPORT_ID, COUNT(*) AS PENDING FROM WEBHOOK_CONTACT WHERE BATCH_ID IS NULL "
                    + "AND LIST_IMPORT_ID IN (" + String.join(", ", Collections.nCopies(some.size(), "?")) + ") "
                    + "GROUP BY LIST_IMPORT_ID", rs -> {
                        long list = rs.getLong("LIST_IMPORT_ID");
                        if (rs.getInt("PENDING") > takenPerList.get(list)) {
                            cut.add(list);
                        }
                    }, some.toArray());
        }
        return cut.isEmpty() ? rows
                : rows.stream().filter(row -> row.listImportId() == null || !cut.contains(row.listImportId())).toList();
    }

    private record PendingRow(long id, String contactId, Long listImportId) {
    }

    private long insertBatch(String campaignId, int count) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO WEBHOOK_BATCH (CAMPAIGN_ID, ID_COUNT, STATUS, "
                    + "ATTEMPTS, CLAIMED_AT) VALUES (?, ?, 'CLAIMED', 1, ?)", java.sql.Statement.RETURN_GENERATED_KEYS);
            statement.setString(1, campaignId);
            statement.setInt(2, count);
            statement.setObject(3, now());
            return statement;
        }, keys);
        return GeneratedIds.idOf(keys, "pool batch");
    }

    /**
     * Batches claimed longer than {@code lease} ago and never launched (their poller crashed or
     * failed), each taken over by this caller: a compare-and-set on ATTEMPTS lets one node win.
     */
    public List<ClaimedBatch> takeOverStale(Duration lease) {
        OffsetDateTime cutoff = now().minus(lease);
        List<StaleBatch> stale = jdbc.query("SELECT ID, CAMPAIGN_ID, ATTEMPTS FROM WEBHOOK_BATCH "
                + "WHERE STATUS = 'CLAIMED' AND CLAIMED_AT < ? ORDER BY ID",
                (rs, row) -> new StaleBatch(rs.getLong("ID"), rs.getString("CAMPAIGN_ID"), rs.getInt("ATTEMPTS")),
                cutoff);
        List<ClaimedBatch> won = new ArrayList<>();
        for (StaleBatch batch : stale) {
            Integer changed = writes.inOwnTransaction(() -> jdbc.update("UPDATE WEBHOOK_BATCH SET CLAIMED_AT = ?, "
                    + "ATTEMPTS = ATTEMPTS + 1 WHERE ID = ? AND STATUS = 'CLAIMED' AND ATTEMPTS = ?", now(),
                    batch.id(), batch.attempts()));
            if (changed != null && changed == 1) {
                won.add(batchOf(batch.id(), batch.campaignId()));
            }
        }
        return won;
    }

    private record StaleBatch(long id, String campaignId, int attempts) {
    }

    private ClaimedBatch batchOf(long batchId, String campaignId) {
        List<String> contactIds = new ArrayList<>();
        boolean[] fromLists = {false};
        jdbc.query("SELECT COALESCE(CONTACT_ID, EMAIL) AS CONTACT, LIST_IMPORT_ID FROM WEBHOOK_CONTACT "
                + "WHERE BATCH_ID = ? ORDER BY ID", rs -> {
                    contactIds.add(rs.getString("CONTACT"));
                    fromLists[0] |= rs.getObject("LIST_IMPORT_ID") != null;
                }, batchId);
        return new ClaimedBatch(batchId, campaignId, contactIds, fromLists[0]);
    }

    public void markLaunched(long batchId, long importId) {
        writes.inOwnTransaction(() -> jdbc.update("UPDATE WEBHOOK_BATCH SET STATUS = 'LAUNCHED', "
                + "IMPORT_ID = ?, LAUNCHED_AT = ?, ERROR = NULL WHERE ID = ?", importId, now(), batchId));
    }

    public void markFailed(long batchId, String error) {
        String truncated = error == null || error.length() <= 2000 ? error : error.substring(0, 1997) + "...";
        writes.inOwnTransaction(() -> jdbc.update("UPDATE WEBHOOK_BATCH SET STATUS = 'FAILED', ERROR = ? "
                + "WHERE ID = ?", truncated, batchId));
    }

    private OffsetDateTime now() {
        return writes.now();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
