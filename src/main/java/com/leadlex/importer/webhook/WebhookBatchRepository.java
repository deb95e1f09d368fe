package com.leadlex.importer.webhook;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.leadlex.importer.system.GeneratedIds;
import com.leadlex.importer.system.IndependentWrites;

/**
 * WEBHOOK_BATCH, and the claiming of pending WEBHOOK_CONTACT rows into batches. A claim locks the
 * rows it takes with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL and H2 2.x both have it), so
 * several instances polling the same database never take the same ID twice. A batch is CLAIMED
 * until it has an import; one left CLAIMED by a crash is taken up again after the claim lease.
 */
@Repository
public class WebhookBatchRepository {

    private final JdbcTemplate jdbc;
    private final IndependentWrites writes;

    public WebhookBatchRepository(JdbcTemplate jdbc, IndependentWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    public List<PendingCampaign> pendingCampaigns() {
        return jdbc.query("SELECT CAMPAIGN_ID, COUNT(*) AS PENDING, MIN(RECEIVED_AT) AS OLDEST FROM WEBHOOK_CONTACT "
                + "WHERE BATCH_ID IS NULL GROUP BY CAMPAIGN_ID ORDER BY MIN(RECEIVED_AT)",
                (rs, row) -> new PendingCampaign(rs.getString("CAMPAIGN_ID"), rs.getInt("PENDING"),
                        rs.getObject("OLDEST", OffsetDateTime.class).toInstant()));
    }

    /**
     * Takes up to {@code limit} pending IDs of a campaign, oldest first, skipping rows another
     * poller has locked; empty (and nothing taken) when fewer than {@code minimum} are free, so a
     * second poller does not turn the leftovers of a full batch into a small one.
     */
    public Optional<ClaimedBatch> claim(String campaignId, int limit, int minimum) {
        return writes.inOwnTransaction(() -> {
            List<Long> rowIds = new ArrayList<>();
            List<String> contactIds = new ArrayList<>();
            jdbc.query("SELECT ID, CONTACT_ID, EMAIL FROM WEBHOOK_CONTACT WHERE CAMPAIGN_ID = ? AND BATCH_ID IS NULL "
                    + "ORDER BY ID FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED", rs -> {
                        rowIds.add(rs.getLong("ID"));
                        String contactId = rs.getString("CONTACT_ID");
                        contactIds.add(contactId != null ? contactId : rs.getString("EMAIL"));
                    }, campaignId);
            if (rowIds.isEmpty() || rowIds.size() < minimum) {
                return Optional.<ClaimedBatch>empty();
            }
            long batchId = insertBatch(campaignId, rowIds.size());
            jdbc.batchUpdate("UPDATE WEBHOOK_CONTACT SET BATCH_ID = ? WHERE ID = ?",
                    rowIds.stream().map(id -> new Object[] {batchId, id}).toList());
            return Optional.of(new ClaimedBatch(batchId, campaignId, contactIds));
        });
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
        return GeneratedIds.idOf(keys, "webhook batch");
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
                won.add(new ClaimedBatch(batch.id(), batch.campaignId(), contactIdsOf(batch.id())));
            }
        }
        return won;
    }

    private record StaleBatch(long id, String campaignId, int attempts) {
    }

    private List<String> contactIdsOf(long batchId) {
        return jdbc.queryForList("SELECT COALESCE(CONTACT_ID, EMAIL) FROM WEBHOOK_CONTACT WHERE BATCH_ID = ? ORDER BY ID",
                String.class,
                batchId);
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
}
