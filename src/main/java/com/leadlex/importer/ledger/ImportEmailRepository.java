package com.leadlex.importer.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.leadlex.importer.system.IndependentWrites;

/**
 * An import's e-mail rows as its resolution step leaves them (IMPORT_EMAIL): one per address, at the
 * first line that gave it, with the contact ID it resolved to and how it was found. Every write commits
 * on its own, so what the step learnt survives a crash and any node can go on or write the results.
 */
@Repository
public class ImportEmailRepository {

    /** How an address got its contact ID. */
    public static final String LIST = "list";
    public static final String DIRECTORY = "directory";
    public static final String CREATED = "created";

    private final JdbcTemplate jdbc;
    private final IndependentWrites writes;

    public ImportEmailRepository(JdbcTemplate jdbc, IndependentWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /**
     * One e-mail row.
     *
     * @param contactId null while (or when, once resolved) no contact is known
     * @param bulkBatch the bulk creation call it was sent in, null when none
     */
    public record ImportEmail(long line, String email, String fullName, String contactId, String foundBy,
            Integer bulkBatch) {
    }

    /** The rows of the import in line order; empty before its resolution started. */
    public List<ImportEmail> find(long importId) {
        return jdbc.query("SELECT LINE, EMAIL, FULL_NAME, CONTACT_ID, FOUND_BY, BULK_BATCH FROM IMPORT_EMAIL "
                + "WHERE IMPORT_ID = ? ORDER BY LINE", (rs, n) -> new ImportEmail(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), (Integer) rs.getObject(6) == null ? null
                                : rs.getInt(6)), importId);
    }

    /** Records the import's addresses, none resolved yet, in one transaction of its own. */
    public void insert(long importId, Collection<ImportEmail> rows) {
        writes.inOwnTransaction(() -> {
            List<Object[]> args = new ArrayList<>();
            for (ImportEmail row : rows) {
                args.add(new Object[] {importId, row.line(), row.email(), truncate(row.fullName())});
            }
            jdbc.batchUpdate("INSERT INTO IMPORT_EMAIL (IMPORT_ID, LINE, EMAIL, FULL_NAME) VALUES (?, ?, ?, ?)", args);
            return null;
        });
    }

    /** Records the contact IDs found for rows (by line), in one transaction of its own. */
    public void resolve(long importId, Collection<ImportEmail> resolved) {
        if (resolved.isEmpty()) {
            return;
        }
        writes.inOwnTransaction(() -> {
            List<Object[]> args = new ArrayList<>();
            for (ImportEmail row : resolved) {
                args.add(new Object[] {row.contactId(), row.foundBy(), importId, row.line()});
            }
            jdbc.batchUpdate("UPDATE IMPORT_EMAIL SET CONTACT_ID = ?, FOUND_BY = ? WHERE IMPORT_ID = ? AND LINE = ?",
                    args);
            return null;
        });
    }

    /** Records, committed before the call, that these rows are about to be sent in bulk creation {@code batch}. */
    public void markSent(long importId, Collection<ImportEmail> rows, int batch) {
        writes.inOwnTransaction(() -> {
            List<Object[]> args = new ArrayList<>();
            for (ImportEmail row : rows) {
                args.add(new Object[] {batch, importId, row.line()});
            }
            jdbc.batchUpdate("UPDATE IMPORT_EMAIL SET BULK_BATCH = ? WHERE IMPORT_ID = ? AND LINE = ?", args);
            return null;
        });
    }

    /** Adds look-up (export, search) and creation (bulk) requests to the import's counts. */
    public void countRequests(long importId, long lookUps, long creations) {
        if (lookUps == 0 && creations == 0) {
            return;
        }
        writes.update("UPDATE CONTACT_IMPORT SET LOOKUP_REQUESTS = LOOKUP_REQUESTS + ?, "
                + "CREATE_REQUESTS = CREATE_REQUESTS + ? WHERE ID = ?", lookUps, creations, importId);
    }

    /** The import's chunks once its e-mail rows are resolved (unknown ones are not sent). */
    public void recordTotalChunks(long importId, int totalChunks) {
        writes.update("UPDATE CONTACT_IMPORT SET TOTAL_CHUNKS = ? WHERE ID = ?", totalChunks, importId);
    }

    /** The import's look-up and creation requests so far: {lookUps, creations}. */
    public long[] requests(long importId) {
        return jdbc.queryForObject("SELECT LOOKUP_REQUESTS, CREATE_REQUESTS FROM CONTACT_IMPORT WHERE ID = ?",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, importId);
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 500);
    }
}
