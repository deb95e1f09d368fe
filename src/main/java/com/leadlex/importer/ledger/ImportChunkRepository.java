package com.leadlex.importer.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import com.leadlex.importer.system.IndependentWrites;

/**
 * IMPORT_CHUNK, the per-chunk ledger. A row is written, in a transaction of its own, before its
 * request goes out: if the process dies before the answer is booked, the row survives the chunk's
 * rollback and tells the restart that this chunk may already have reached LeadLex. The answer is
 * booked with the send step's chunk (its reader position and totals), or on its own when that chunk
 * rolls back; its per-ID outcome goes in the same update, so any node can write the results.
 */
@Repository
public class ImportChunkRepository {

    private static final RowMapper<ChunkRecord> ROW_MAPPER = ImportChunkRepository::map;

    /** Every column but OUTCOME (up to 500 IDs a row), which only the results writer reads, one chunk at a time. */
    private static final String COLUMNS = "IMPORT_ID, CHUNK_NUMBER, JOB_EXECUTION_ID, STEP_EXECUTION_ID, FIRST_LINE, "
            + "LAST_LINE, ID_COUNT, ADDED, SKIPPED, ATTEMPTS, HTTP_STATUS, REQUEST_ID, STATUS, ERROR, STARTED_AT, "
            + "FINISHED_AT, MAY_HAVE_REACHED";

    private static final String COMPLETE = """
            UPDATE IMPORT_CHUNK SET STATUS = ?, ADDED = ?, SKIPPED = ?, ATTEMPTS = ATTEMPTS + ?, HTTP_STATUS = ?,
                REQUEST_ID = ?, ERROR = NULL, FINISHED_AT = ?, OUTCOME = ?
            WHERE IMPORT_ID = ? AND CHUNK_NUMBER = ?""";

    private final JdbcTemplate jdbc;
    private final IndependentWrites writes;

    public ImportChunkRepository(JdbcTemplate jdbc, IndependentWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /**
     * Records that a chunk is about to be sent and returns the row an earlier attempt left, if any.
     * Attempts accumulate over restarts, and so does the knowledge that one may have reached LeadLex.
     * A chunk already delivered and booked (sent or resent) is left as it is: its row is returned for
     * the caller to skip it.
     */
    public Optional<ChunkRecord> begin(ChunkStart start) {
        return Optional.ofNullable(begin(List.of(start)).get(start.chunkNumber()));
    }

    /**
     * {@link #begin(ChunkStart)} for the chunks of one window (consecutive chunks of one import), in
     * one transaction of their own: one look at the rows earlier attempts left, one batch of writes.
     *
     * @return the rows earlier attempts left, by chunk number; chunks never begun before are missing
     */
    public Map<Integer, ChunkRecord> begin(List<ChunkStart> starts) {
        if (starts.isEmpty()) {
            return Map.of();
        }
        long importId = starts.get(0).importId();
        int first = starts.stream().mapToInt(ChunkStart::chunkNumber).min().orElseThrow();
        int last = starts.stream().mapToInt(ChunkStart::chunkNumber).max().orElseThrow();
        return writes.inOwnTransaction(() -> {
            Map<Integer, ChunkRecord> previous = new HashMap<>();
            jdbc.query("SELECT " + COLUMNS + " FROM IMPORT_CHUNK WHERE IMPORT_ID = ? AND CHUNK_NUMBER BETWEEN ? AND ?",
                    ROW_MAPPER, importId, first, last).forEach(row -> previous.put(row.chunkNumber(), row));
            OffsetDateTime now = now();
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            for (ChunkStart start : starts) {
                ChunkRecord earlier = previous.get(start.chunkNumber());
                if (earlier == null) {
                    inserts.add(new Object[] { start.importId(), start.chunkNumber(), start.jobExecutionId(),
                            start.stepExecutionId(), start.firstLine(), start.lastLine(), start.idCount(),
                            ChunkStatus.SENDING.dbValue(), now, false });
                } else if (!earlier.status().isDone()) { // one delivered and booked is left as it is
                    updates.add(new Object[] { start.jobExecutionId(), start.stepExecutionId(), start.firstLine(),
                            start.lastLine(), start.idCount(), ChunkStatus.SENDING.dbValue(), now,
                            earlier.anAttemptMayHaveReachedLeadLex(), start.importId(), start.chunkNumber() });
                }
            }
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate("""
                        INSERT INTO IMPORT_CHUNK (IMPORT_ID, CHUNK_NUMBER, JOB_EXECUTION_ID, STEP_EXECUTION_ID,
                            FIRST_LINE, LAST_LINE, ID_COUNT, ATTEMPTS, STATUS, STARTED_AT, MAY_HAVE_REACHED)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""", inserts);
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("""
                        UPDATE IMPORT_CHUNK SET JOB_EXECUTION_ID = ?, STEP_EXECUTION_ID = ?, FIRST_LINE = ?,
                            LAST_LINE = ?, ID_COUNT = ?, STATUS = ?, ERROR = NULL, STARTED_AT = ?, FINISHED_AT = NULL,
                            MAY_HAVE_REACHED = ?
                        WHERE IMPORT_ID = ? AND CHUNK_NUMBER = ?""", updates);
            }
            return previous;
        });
    }

    /**
     * Takes {@link #begin(List)} back for chunks of a window that were never sent, because a request
     * before them failed: a row begun for the first time goes, a row an earlier attempt left gets its
     * status, error and knowledge back, so neither looks as if it may have reached LeadLex. In a
     * transaction of its own, like the begin.
     *
     * @param earlier the rows earlier attempts left, as {@link #begin(List)} returned them
     */
    public void notSent(long importId, List<Integer> chunkNumbers, Map<Integer, ChunkRecord> earlier) {
        if (chunkNumbers.isEmpty()) {
            return;
        }
        writes.inOwnTransaction(() -> {
            for (int chunkNumber : chunkNumbers) {
                ChunkRecord before = earlier.get(chunkNumber);
                if (before == null) {
                    jdbc.update("DELETE FROM IMPORT_CHUNK WHERE IMPORT_ID = ? AND CHUNK_NUMBER = ? AND STATUS = ?",
                            importId, chunkNumber, ChunkStatus.SENDING.dbValue());
                } else {
                    // the run that left the row owns it again, and whether some attempt may have reached LeadLex
                    // is kept as the flag: a row a dead run left 'sending' must never pass for one this run began
                    jdbc.update("UPDATE IMPORT_CHUNK SET STATUS = ?, ERROR = ?, MAY_HAVE_REACHED = ?, "
                            + "JOB_EXECUTION_ID = ?, STEP_EXECUTION_ID = ? WHERE IMPORT_ID = ? AND CHUNK_NUMBER = ?",
                            before.status().dbValue(), before.error(), before.anAttemptMayHaveReachedLeadLex(),
                            before.jobExecutionId(), before.stepExecutionId(), importId, chunkNumber);
                }
            }
            return null;
        });
    }

    /**
     * Takes back the note that chunks were about to be sent, for chunks a step execution began but
     * certainly never sent (its journal says so: the importer died first). A row no attempt may have
     * reached shows {@code waiting_for_importer} again, so the restart sends it as a first attempt; a
     * row an earlier attempt may have reached, or one another run began since, is left as it is.
     *
     * @return how many rows were taken back
     */
    public int neverSent(long importId, long stepExecutionId, List<Integer> chunkNumbers, String reason) {
        if (chunkNumbers.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = now();
        return writes.inOwnTransaction(() -> IntStream.of(jdbc.batchUpdate("""
                UPDATE IMPORT_CHUNK SET STATUS = ?, ERROR = ?, FINISHED_AT = ?
                WHERE IMPORT_ID = ? AND CHUNK_NUMBER = ? AND STEP_EXECUTION_ID = ? AND STATUS = ?
                    AND MAY_HAVE_REACHED = FALSE""", chunkNumbers.stream().map(chunkNumber -> new Object[] {
                ChunkStatus.WAITING_FOR_IMPORTER.dbValue(), reason, now, importId, chunkNumber, stepExecutionId,
                ChunkStatus.SENDING.dbValue() }).toList())).sum());
    }

    /** Books a delivered chunk: its counts and, in the same update, which of its IDs LeadLex added or refused. */
    public void complete(long importId, int chunkNumber, ChunkStatus status, int added, int skipped, int attempts,
            int httpStatus, String requestId, ChunkOutcome outcome) {
        completeOnTheirOwn(List.of(new ChunkCompletion(importId, chunkNumber, status, added, skipped, attempts,
                httpStatus, requestId, outcome)));
    }

    /**
     * Books delivered chunks in the caller's transaction, in one batch: the send step books a window's
     * chunks in the transaction that commits its reader's position and totals, so the three never part.
     */
    public void completeInCallersTransaction(List<ChunkCompletion> completions) {
        if (completions.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        jdbc.batchUpdate(COMPLETE, completions.stream().map(done -> new Object[] { done.status().dbValue(),
                done.added(), done.skipped(), done.attempts(), done.httpStatus(), done.requestId(), now,
                done.outcome().encode(), done.importId(), done.chunkNumber() }).toList());
    }

    /**
     * Books delivered chunks in a transaction of their own, whatever becomes of the caller's: the chunks
     * of a window whose sibling failed, which the step's rollback must not make look unsent.
     */
    public void completeOnTheirOwn(List<ChunkCompletion> completions) {
        writes.inOwnTransaction(() -> {
            completeInCallersTransaction(completions);
            return null;
        });
    }

    /** The per-ID outcome booked with a delivered chunk; empty for a chunk not delivered, or booked by an earlier version. */
    public Optional<ChunkOutcome> outcome(long importId, int chunkNumber) {
        return jdbc.query("SELECT OUTCOME FROM IMPORT_CHUNK WHERE IMPORT_ID = ? AND CHUNK_NUMBER = ?",
                (rs, row) -> rs.getString(1), importId, chunkNumber).stream().filter(Objects::nonNull)
                .findFirst().map(ChunkOutcome::decode);
    }

    /**
     * Records a chunk that did not get through: FAILED for good, or waiting (for quota, or for the importer to be up). A failure that
     * leaves open whether LeadLex processed the request ({@code mayHaveReached}) is remembered for good.
     */
    public void fail(long importId, int chunkNumber, ChunkStatus status, int attempts, Integer httpStatus,
            String requestId, String error, boolean mayHaveReached) {
        update("""
                UPDATE IMPORT_CHUNK SET STATUS = ?, ATTEMPTS = ATTEMPTS + ?, HTTP_STATUS = ?, REQUEST_ID = ?,
                    ERROR = ?, FINISHED_AT = ?, MAY_HAVE_REACHED = (MAY_HAVE_REACHED OR ?)
                WHERE IMPORT_ID = ? AND CHUNK_NUMBER = ?""", status.dbValue(), attempts, httpStatus, requestId,
                ImportRepository.truncate(error), now(), mayHaveReached, importId, chunkNumber);
    }

    /**
     * The chunk's request waits in its thread for the key's quota: shown as waiting, not sending. An
     * earlier attempt that may have reached LeadLex is remembered, so that a crash during the wait
     * still books the chunk {@code resent}.
     */
    public void markWaitingForQuota(long importId, int chunkNumber, boolean anEarlierAttemptMayHaveReached) {
        update("""
                UPDATE IMPORT_CHUNK SET STATUS = ?, MAY_HAVE_REACHED = (MAY_HAVE_REACHED OR ?)
                WHERE IMPORT_ID = ? AND CHUNK_NUMBER = ? AND STATUS = ?""", ChunkStatus.WAITING_FOR_QUOTA.dbValue(),
                anEarlierAttemptMayHaveReached, importId, chunkNumber, ChunkStatus.SENDING.dbValue());
    }

    /** The wait is over: the chunk's request goes out. */
    public void markSending(long importId, int chunkNumber) {
        update("UPDATE IMPORT_CHUNK SET STATUS = ? WHERE IMPORT_ID = ? AND CHUNK_NUMBER = ? AND STATUS = ?",
                ChunkStatus.SENDING.dbValue(), importId, chunkNumber, ChunkStatus.WAITING_FOR_QUOTA.dbValue());
    }

    public Optional<ChunkRecord> find(long importId, int chunkNumber) {
        return jdbc.query("SELECT " + COLUMNS + " FROM IMPORT_CHUNK WHERE IMPORT_ID = ? AND CHUNK_NUMBER = ?", ROW_MAPPER,
                importId, chunkNumber).stream().findFirst();
    }

    /** The import's rows not yet booked sent or resent: those a run began, or that wait, or failed. */
    public List<ChunkRecord> findUnfinished(long importId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM IMPORT_CHUNK WHERE IMPORT_ID = ? AND STATUS NOT IN (?, ?) "
                + "ORDER BY CHUNK_NUMBER", ROW_MAPPER, importId, ChunkStatus.SENT.dbValue(), ChunkStatus.RESENT.dbValue());
    }

    public List<ChunkRecord> findByImport(long importId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM IMPORT_CHUNK WHERE IMPORT_ID = ? ORDER BY CHUNK_NUMBER",
                ROW_MAPPER,
                importId);
    }

    public ChunkProgress progress(long importId) {
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(CASE WHEN STATUS IN ('sent', 'resent') THEN 1 ELSE 0 END), 0) AS DONE,
                    COALESCE(SUM(ATTEMPTS), 0) AS REQUESTS,
                    COALESCE(SUM(CASE WHEN STATUS = 'sending' THEN 1 ELSE 0 END), 0) AS SENDING
                FROM IMPORT_CHUNK WHERE IMPORT_ID = ?""",
                (rs, row) -> new ChunkProgress(rs.getInt("DONE"), rs.getLong("REQUESTS"), rs.getInt("SENDING") > 0),
                importId);
    }

    private void update(String sql, Object... args) {
        writes.update(sql, args);
    }

    private OffsetDateTime now() {
        return writes.now();
    }

    private static ChunkRecord map(ResultSet rs, int row) throws SQLException {
        return new ChunkRecord(rs.getLong("IMPORT_ID"), rs.getInt("CHUNK_NUMBER"), rs.getLong("JOB_EXECUTION_ID"),
                rs.getLong("STEP_EXECUTION_ID"), rs.getLong("FIRST_LINE"), rs.getLong("LAST_LINE"),
                rs.getInt("ID_COUNT"), rs.getObject("ADDED", Integer.class), rs.getObject("SKIPPED", Integer.class),
                rs.getInt("ATTEMPTS"), rs.getObject("HTTP_STATUS", Integer.class), rs.getString("REQUEST_ID"),
                ChunkStatus.fromDb(rs.getString("STATUS")), rs.getString("ERROR"),
                ImportRepository.instant(rs, "STARTED_AT"), ImportRepository.instant(rs, "FINISHED_AT"),
                rs.getBoolean("MAY_HAVE_REACHED"));
    }

    /**
     * Chunks done, and every HTTP request made for the import, including those of failed chunks
     * (which the step's committed totals cannot count, since their chunk rolled back).
     *
     * @param sending whether a chunk's request is on its way (or was, if its process died)
     */
    public record ChunkProgress(int chunksDone, long requests, boolean sending) {
    }

    /** When the last chunk was answered (any import); empty before the first. */
    public Optional<java.time.Instant> lastChunkFinishedAt() {
        OffsetDateTime last = jdbc.queryForObject("SELECT MAX(FINISHED_AT) FROM IMPORT_CHUNK", OffsetDateTime.class);
        return Optional.ofNullable(last).map(OffsetDateTime::toInstant);
    }
}
