package com.leadlex.importer.pool;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.leadlex.importer.importjob.PooledListTotals;
import com.leadlex.importer.system.IndependentWrites;

/**
 * Which small lists' imports (pool members) went, or go, with which pooled import: read from the pool's rows
 * (WEBHOOK_CONTACT.LIST_IMPORT_ID) and their batch (WEBHOOK_BATCH.IMPORT_ID); and what became of each
 * member's IDs there (POOLED_LIST), the counts the API shows for an import without chunks of its own.
 */
@Repository
public class PoolMemberRepository {

    private final JdbcTemplate jdbc;
    private final IndependentWrites writes;

    public PoolMemberRepository(JdbcTemplate jdbc, IndependentWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** What became of a list's IDs in its pooled import, replacing what an earlier end of that import said. */
    public void saveTotals(long listImportId, long pooledImportId, PooledListTotals.Sent sent) {
        writes.inOwnTransaction(() -> {
            jdbc.update("DELETE FROM POOLED_LIST WHERE IMPORT_ID = ?", listImportId);
            return jdbc.update("INSERT INTO POOLED_LIST (IMPORT_ID, POOLED_IMPORT_ID, ADDED, ALREADY_ENROLLED, "
                    + "REFUSED, REQUESTS, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)", listImportId, pooledImportId,
                    sent.added(), sent.alreadyEnrolled(), sent.refused(), sent.requests(), writes.now());
        });
    }

    public Optional<PooledListTotals.Sent> totals(long listImportId) {
        return jdbc.query("SELECT ADDED, ALREADY_ENROLLED, REFUSED, REQUESTS FROM POOLED_LIST WHERE IMPORT_ID = ?",
                (rs, row) -> new PooledListTotals.Sent(rs.getLong("ADDED"), rs.getLong("ALREADY_ENROLLED"),
                        rs.getLong("REFUSED"), rs.getInt("REQUESTS")), listImportId).stream().findFirst();
    }

    /** The member lists' imports that a pooled import carries, oldest first. */
    public List<Long> membersOfImport(long pooledImportId) {
        return jdbc.queryForList("SELECT DISTINCT C.LIST_IMPORT_ID FROM WEBHOOK_CONTACT C JOIN WEBHOOK_BATCH B "
                + "ON C.BATCH_ID = B.ID WHERE B.IMPORT_ID = ? AND C.LIST_IMPORT_ID IS NOT NULL ORDER BY C.LIST_IMPORT_ID",
                Long.class, pooledImportId);
    }

    public List<Long> membersOfBatch(long batchId) {
        return jdbc.queryForList("SELECT DISTINCT LIST_IMPORT_ID FROM WEBHOOK_CONTACT WHERE BATCH_ID = ? "
                + "AND LIST_IMPORT_ID IS NOT NULL ORDER BY LIST_IMPORT_ID", Long.class, batchId);
    }

    /** Whether this import is a pooled list's (its IDs went to the pool). */
    public boolean isMember(long listImportId) {
        return !jdbc.queryForList("SELECT ID FROM WEBHOOK_CONTACT WHERE LIST_IMPORT_ID = ? FETCH FIRST 1 ROWS ONLY",
                Long.class, listImportId).isEmpty();
    }

    /** The pooled import that carries a list's IDs, once its batch became one. */
    public Optional<Long> pooledImportOf(long listImportId) {
        return jdbc.queryForList("SELECT DISTINCT B.IMPORT_ID FROM WEBHOOK_CONTACT C JOIN WEBHOOK_BATCH B "
                + "ON C.BATCH_ID = B.ID WHERE C.LIST_IMPORT_ID = ? AND B.IMPORT_ID IS NOT NULL", Long.class,
                listImportId).stream().findFirst();
    }

    /** The newest pooled import of the same IDs into the same campaign, with its status. */
    public Optional<Member> latestWithSameList(String campaignId, String contentHash) {
        return jdbc.query("SELECT I.ID, I.STATUS FROM CONTACT_IMPORT I WHERE I.CAMPAIGN_ID = ? AND I.CONTENT_HASH = ? "
                + "AND EXISTS (SELECT 1 FROM WEBHOOK_CONTACT C WHERE C.LIST_IMPORT_ID = I.ID) ORDER BY I.ID DESC "
                + "FETCH FIRST 1 ROWS ONLY", (rs, row) -> new Member(rs.getLong("ID"), rs.getString("STATUS")),
                campaignId, contentHash).stream().findFirst();
    }

    public record Member(long importId, String status) {
    }

    /**
     * Lists registered as POOLED before {@code before} whose IDs never reached the pool: the process stopped
     * between the two writes. Their staged IDs are in the database, so they can be put in the pool again.
     */
    public List<Long> pooledWithoutIds(Instant before) {
        return jdbc.queryForList("SELECT I.ID FROM CONTACT_IMPORT I WHERE I.STATUS = 'POOLED' AND I.CREATED_AT < ? "
                + "AND NOT EXISTS (SELECT 1 FROM WEBHOOK_CONTACT C WHERE C.LIST_IMPORT_ID = I.ID) ORDER BY I.ID",
                Long.class, before.atOffset(ZoneOffset.UTC));
    }

    /**
     * Pooled imports that ended (completed, failed or stopped) while some of their member lists still say
     * POOLED: the process stopped before the members followed.
     */
    public List<Long> endedWithMembersBehind() {
        // from the few lists still POOLED (CONTACT_IMPORT_STATUS_IDX), not from every batch ever sent
        return jdbc.queryForList("SELECT DISTINCT B.IMPORT_ID FROM CONTACT_IMPORT M JOIN WEBHOOK_CONTACT C "
                + "ON C.LIST_IMPORT_ID = M.ID JOIN WEBHOOK_BATCH B ON B.ID = C.BATCH_ID JOIN CONTACT_IMPORT P "
                + "ON P.ID = B.IMPORT_ID WHERE M.STATUS = 'POOLED' AND P.STATUS IN ('COMPLETED', 'FAILED', 'STOPPED') "
                + "ORDER BY B.IMPORT_ID", Long.class);
    }
}
