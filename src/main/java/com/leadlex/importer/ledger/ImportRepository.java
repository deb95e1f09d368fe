package com.leadlex.importer.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.leadlex.importer.staging.ImportDirectories;
import com.leadlex.importer.staging.ImportFiles;
import com.leadlex.importer.system.GeneratedIds;
import com.leadlex.importer.system.IndependentWrites;

/**
 * CONTACT_IMPORT, the registry of imports. Every write commits on its own ({@link IndependentWrites}):
 * an import's state must survive the rollback of the chunk transaction that observed it.
 */
@Repository
public class ImportRepository {

    private static final RowMapper<ImportRecord> ROW_MAPPER = ImportRepository::map;

    /** A new state starts with no pause, no wait for quota and no message of the state before. */
    private static final String FRESH_STATE = "RESUME_AT = NULL, QUOTA_WAIT_UNTIL = NULL, LAST_ERROR_CODE = NULL, "
            + "LAST_ERROR = NULL";

    private final JdbcTemplate jdbc;
    private final IndependentWrites writes;

    public ImportRepository(JdbcTemplate jdbc, IndependentWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    public long insert(NewImport newImport) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        OffsetDateTime now = now();
        writes.inOwnTransaction(() -> jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO CONTACT_IMPORT (CAMPAIGN_ID, SOURCE_NAME, FILE_NAME, SOURCE_TAG, STAGING_DIR,
                        CONTENT_HASH, STATUS, ROWS_READ, VALID_IDS, INVALID_ROWS, DUPLICATE_ROWS, TOTAL_CHUNKS,
                        CHUNK_SIZE, DUPLICATE_OF, CREATED_AT, UPDATED_AT, FINISHED_AT)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            statement.setString(1, newImport.campaignId());
            statement.setString(2, newImport.sourceName());
            statement.setString(3, newImport.fileName());
            statement.setString(4, newImport.sourceTag());
            // only the name: every node resolves it under its own data directory
            statement.setString(5, newImport.stagingDir().getFileName().toString());
            statement.setString(6, newImport.contentHash());
            statement.setString(7, newImport.status().name());
            statement.setLong(8, newImport.rowsRead());
            statement.setLong(9, newImport.validIds());
            statement.setLong(10, newImport.invalidRows());
            statement.setLong(11, newImport.duplicateRows());
            statement.setInt(12, newImport.totalChunks());
            statement.setInt(13, newImport.chunkSize());
            statement.setObject(14, newImport.duplicateOf());
            statement.setObject(15, now);
            statement.setObject(16, now);
            statement.setObject(17, newImport.status().isFinal() ? now : null);
            return statement;
        }, keys));
        return GeneratedIds.idOf(keys, "import");
    }

    public Optional<ImportRecord> findById(long id) {
        return jdbc.query("SELECT * FROM CONTACT_IMPORT WHERE ID = ?", ROW_MAPPER, id).stream().findFirst();
    }

    /**
     * One page of imports, newest first, narrowed by campaign, status and source (each null for any).
     * Only {@code ?} placeholders carry the values.
     */
    public List<ImportRecord> findPage(String campaignId, ImportStatus status, String source, int page, int size) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new java.util.ArrayList<>();
        if (campaignId != null) {
            where.append(" AND CAMPAIGN_ID = ?");
            args.add(campaignId);
        }
        if (status != null) {
            where.append(" AND STATUS = ?");
            args.add(status.name());
        }
        if (source != null) {
            where.append(" AND SOURCE_NAME = ?");
            args.add(source);
        }
        return jdbc.query("SELECT * FROM CONTACT_IMPORT WHERE 1 = 1" + where + " ORDER BY ID DESC OFFSET "
                + ((long) Math.max(0, page) * size) + " ROWS FETCH NEXT " + Math.max(1, size) + " ROWS ONLY",
                ROW_MAPPER, args.toArray());
    }

    /** The newest import of the file {@code fileName} from the source {@code sourceName}, if there is one. */
    public Optional<ImportRecord> findLatest(String sourceName, String fileName) {
        return jdbc.query("SELECT * FROM CONTACT_IMPORT WHERE SOURCE_NAME = ? AND FILE_NAME = ? ORDER BY ID DESC "
                + "FETCH FIRST 1 ROWS ONLY", ROW_MAPPER, sourceName, fileName).stream().findFirst();
    }

    /** Newest first. */
    public List<ImportRecord> findRecent(int limit) {
        return jdbc.query("SELECT * FROM CONTACT_IMPORT ORDER BY ID DESC FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY", ROW_MAPPER);
    }

    /** Imports paused until their key's quota resets. */
    public long countPaused() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM CONTACT_IMPORT WHERE STATUS = 'PAUSED'", Long.class);
        return count == null ? 0 : count;
    }

    /** The earliest time a paused import resumes; empty when none is paused. */
    public Optional<Instant> earliestResumeAt() {
        OffsetDateTime earliest = jdbc.queryForObject(
                "SELECT MIN(RESUME_AT) FROM CONTACT_IMPORT WHERE STATUS = 'PAUSED'", OffsetDateTime.class);
        return Optional.ofNullable(earliest).map(OffsetDateTime::toInstant);
    }

    /** Imports that have not finished yet: queued, running, or paused for quota. */
    public long countPending() {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM CONTACT_IMPORT WHERE STATUS IN ('QUEUED', 'RUNNING', 'PAUSED')", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Imports that have not finished: running first, then queued, then paused, each oldest first: the
     * order in which they get a thread of the import executor.
     */
    public List<ImportRecord> findUnfinished() {
        return jdbc.query("SELECT * FROM CONTACT_IMPORT WHERE STATUS IN ('RUNNING', 'QUEUED', 'PAUSED') "
                + "ORDER BY CASE STATUS WHEN 'RUNNING' THEN 0 WHEN 'QUEUED' THEN 1 ELSE 2 END, ID", ROW_MAPPER);
    }

    public List<ImportRecord> findByStatus(ImportStatus status) {
        return jdbc.query("SELECT * FROM CONTACT_IMPORT WHERE STATUS = ? ORDER BY ID", ROW_MAPPER, status.name());
    }

    /** An import of the same IDs into the same campaign that is queued or running right now. */
    public Optional<ImportRecord> findUnfinished(String campaignId, String contentHash) {
        return jdbc.query("SELECT * FROM CONTACT_IMPORT WHERE CAMPAIGN_ID = ? AND CONTENT_HASH = ? "
                + "AND STATUS IN ('QUEUED', 'RUNNING') ORDER BY ID", ROW_MAPPER, campaignId, contentHash)
                .stream().findFirst();
    }

    /** Paused imports whose resume time has come. */
    public List<ImportRecord> findDueForResume(Instant now) {
        return jdbc.query("SELECT * FROM CONTACT_IMPORT WHERE STATUS = 'PAUSED' AND RESUME_AT <= ? ORDER BY ID",
                ROW_MAPPER, now.atOffset(ZoneOffset.UTC));
    }

    /** Imports paused because their key's quota was used up, with the resume time that was planned then. */
    public List<ImportRecord> findPausedForQuota() {
        return jdbc.query("SELECT * FROM CONTACT_IMPORT WHERE STATUS = 'PAUSED' AND LAST_ERROR_CODE = 'quota_exhausted' "
                + "AND RESUME_AT IS NOT NULL ORDER BY ID", ROW_MAPPER);
    }

    /**
     * Moves a paused import's resume time earlier, only if it is still paused until {@code planned}
     * (nothing resumed, stopped or re-planned it meanwhile); false otherwise.
     */
    public boolean resumeEarlier(long id, Instant planned, Instant earlier, String reason) {
        return writes.update("UPDATE CONTACT_IMPORT SET RESUME_AT = ?, LAST_ERROR = ?, UPDATED_AT = ? "
                + "WHERE ID = ? AND STATUS = 'PAUSED' AND RESUME_AT = ?", earlier.atOffset(ZoneOffset.UTC),
                truncate(reason), now(), id, planned.atOffset(ZoneOffset.UTC)) == 1;
    }

    /**
     * Queued again (resumed or restarted): what was said about its earlier state (a pause, a failure)
     * no longer holds, so it is cleared; the ledger and the log keep the history.
     */
    public void markQueued(long id) {
        update("UPDATE CONTACT_IMPORT SET STATUS = 'QUEUED', " + FRESH_STATE + ", FINISHED_AT = NULL, UPDATED_AT = ? "
                + "WHERE ID = ?", now(), id);
    }

    /** Running: as {@link #markQueued}, the earlier state's messages are cleared. */
    public void markRunning(long id, long jobExecutionId) {
        update("UPDATE CONTACT_IMPORT SET STATUS = 'RUNNING', JOB_EXECUTION_ID = ?, " + FRESH_STATE + ", "
                + "FINISHED_AT = NULL, UPDATED_AT = ? WHERE ID = ?", jobExecutionId, now(), id);
    }

    /**
     * A running import's next request waits in its thread for the key's quota until {@code until}
     * (null: the wait is over).
     */
    public void recordQuotaWait(long id, Instant until) {
        update("UPDATE CONTACT_IMPORT SET QUOTA_WAIT_UNTIL = ?, UPDATED_AT = ? WHERE ID = ?",
                until == null ? null : until.atOffset(ZoneOffset.UTC), now(), id);
    }

    /** Records when a paused import may go on; the status follows when its execution has stopped. */
    public void recordResumeTime(long id, Instant resumeAt, String code, String reason) {
        update("UPDATE CONTACT_IMPORT SET RESUME_AT = ?, QUOTA_WAIT_UNTIL = NULL, LAST_ERROR_CODE = ?, LAST_ERROR = ?, "
                + "UPDATED_AT = ? WHERE ID = ?", resumeAt.atOffset(ZoneOffset.UTC), code, truncate(reason), now(), id);
    }

    /** Claims a paused import for resumption (its pause is over); false when another thread or node was first. */
    public boolean claimPaused(long id) {
        return writes.update("UPDATE CONTACT_IMPORT SET STATUS = 'QUEUED', " + FRESH_STATE + ", UPDATED_AT = ? "
                + "WHERE ID = ? AND STATUS = 'PAUSED'", now(), id) == 1;
    }

    /** {@link #markEnded} only if the import is still {@code expected}; false when something else moved it on. */
    public boolean markEndedIf(long id, ImportStatus expected, ImportStatus status, String errorCode, String error) {
        return writes.update("UPDATE CONTACT_IMPORT SET STATUS = ?, LAST_ERROR_CODE = ?, LAST_ERROR = ?, "
                + "QUOTA_WAIT_UNTIL = NULL, UPDATED_AT = ?, FINISHED_AT = ? WHERE ID = ? AND STATUS = ?", status.name(),
                errorCode, truncate(error), now(), status == ImportStatus.PAUSED ? null : now(), id,
                expected.name()) == 1;
    }

    /**
     * Notes on an ended import that its results file is missing, after the reason it ended with (if
     * any), so the summary, the API and the dashboard say so until the file is written again.
     */
    public void recordResultsNotWritten(long id, String reason) {
        ImportRecord record = findById(id).orElseThrow();
        String code = record.lastErrorCode() == null ? "results_not_written" : record.lastErrorCode();
        String error = record.lastError() == null ? reason : record.lastError() + " " + reason;
        update("UPDATE CONTACT_IMPORT SET LAST_ERROR_CODE = ?, LAST_ERROR = ?, UPDATED_AT = ? WHERE ID = ?", code,
                truncate(error), now(), id);
    }

    /**
     * Ended imports whose staged IDs are due for removal: completed, failed, stopped or already imported
     * before {@code endedBefore}, with their results stored (an import never sent has none to store), and
     * staged IDs still in the database. Oldest first, at most {@code limit}.
     */
    public List<ImportRecord> findStagedIdsDue(Instant endedBefore, int limit) {
        return jdbc.query("SELECT * FROM CONTACT_IMPORT C WHERE C.STATUS IN ('COMPLETED', 'FAILED', 'STOPPED', "
                + "'ALREADY_IMPORTED') AND C.FINISHED_AT < ? AND EXISTS (SELECT 1 FROM IMPORT_FILE S "
                + "WHERE S.STAGING_DIR = C.STAGING_DIR AND S.FILE_NAME = ? AND S.STATE = 'stored') "
                + "AND (C.STATUS = 'ALREADY_IMPORTED' OR EXISTS (SELECT 1 FROM IMPORT_FILE R "
                + "WHERE R.STAGING_DIR = C.STAGING_DIR AND R.FILE_NAME = ? AND R.STATE = 'stored')) "
                + "ORDER BY C.FINISHED_AT, C.ID FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", ROW_MAPPER,
                endedBefore.atOffset(ZoneOffset.UTC), ImportFiles.SPOOL, ImportFiles.RESULTS);
    }

    /**
     * Records that an import's staged IDs are being removed, only if it is still {@code status} and ended
     * before {@code endedBefore} (an operator's restart a moment ago wins); the first time recorded stays.
     */
    public boolean markStagedIdsRemoved(long id, ImportStatus status, Instant endedBefore) {
        return writes.update("UPDATE CONTACT_IMPORT SET STAGED_IDS_REMOVED_AT = COALESCE(STAGED_IDS_REMOVED_AT, ?) "
                + "WHERE ID = ? AND STATUS = ? AND FINISHED_AT < ?", now(), id, status.name(),
                endedBefore.atOffset(ZoneOffset.UTC)) == 1;
    }

    /** The import whose directory is called {@code stagingName}, if one is registered. */
    public Optional<ImportRecord> findByStagingName(String stagingName) {
        return jdbc.query("SELECT * FROM CONTACT_IMPORT WHERE STAGING_DIR = ? ORDER BY ID", ROW_MAPPER, stagingName)
                .stream().findFirst();
    }

    /**
     * A small list's import follows the pooled import that carries its IDs ({@code importer.pool}): from
     * POOLED, or from the failed or stopped state an earlier end of that pooled import left it in (the pooled
     * import may be restarted and complete). False when it is in none of these.
     */
    public boolean followPool(long id, ImportStatus status, String errorCode, String error) {
        boolean ended = status != ImportStatus.POOLED;
        return writes.update("UPDATE CONTACT_IMPORT SET STATUS = ?, LAST_ERROR_CODE = ?, LAST_ERROR = ?, "
                + "UPDATED_AT = ?, FINISHED_AT = ? WHERE ID = ? AND STATUS IN ('POOLED', 'FAILED', 'STOPPED')",
                status.name(), errorCode, truncate(error), now(), ended ? now() : null, id) == 1;
    }

    /** Says where a pooled list stands (waiting, or sent with which pooled import), while it is still POOLED. */
    public void notePooled(long id, String code, String note) {
        update("UPDATE CONTACT_IMPORT SET LAST_ERROR_CODE = ?, LAST_ERROR = ?, UPDATED_AT = ? WHERE ID = ? "
                + "AND STATUS = 'POOLED'", code, truncate(note), now(), id);
    }

    public void markEnded(long id, ImportStatus status, String errorCode, String error) {
        boolean ended = status != ImportStatus.PAUSED;
        update("UPDATE CONTACT_IMPORT SET STATUS = ?, LAST_ERROR_CODE = ?, LAST_ERROR = ?, QUOTA_WAIT_UNTIL = NULL, "
                + "UPDATED_AT = ?, FINISHED_AT = ? WHERE ID = ?", status.name(), errorCode, truncate(error), now(),
                ended ? now() : null, id);
    }

    private void update(String sql, Object... args) {
        writes.update(sql, args);
    }

    private OffsetDateTime now() {
        return writes.now();
    }

    static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static ImportRecord map(ResultSet rs, int row) throws SQLException {
        return new ImportRecord(rs.getLong("ID"), rs.getString("CAMPAIGN_ID"), rs.getString("SOURCE_NAME"),
                rs.getString("FILE_NAME"), rs.getString("SOURCE_TAG"), ImportDirectories.nameOf(rs.getString("STAGING_DIR")),
                rs.getString("CONTENT_HASH"), ImportStatus.valueOf(rs.getString("STATUS")), rs.getLong("ROWS_READ"),
                rs.getLong("VALID_IDS"), rs.getLong("INVALID_ROWS"), rs.getLong("DUPLICATE_ROWS"),
                rs.getInt("TOTAL_CHUNKS"), rs.getInt("CHUNK_SIZE"), rs.getObject("DUPLICATE_OF", Long.class),
                rs.getObject("JOB_EXECUTION_ID", Long.class), instant(rs, "RESUME_AT"),
                rs.getString("LAST_ERROR_CODE"), rs.getString("LAST_ERROR"), instant(rs, "CREATED_AT"),
                instant(rs, "UPDATED_AT"), instant(rs, "FINISHED_AT"), instant(rs, "QUOTA_WAIT_UNTIL"),
                instant(rs, "STAGED_IDS_REMOVED_AT"));
    }
}
