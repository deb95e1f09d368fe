package com.leadlex.importer.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** IMPORT_AUDIT: who started, stopped, restarted, resumed or forced an import, and when. */
@Repository
public class ImportAuditRepository {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ImportAuditRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(long importId, String action, String actor, String detail) {
        record(importId, action, actor, detail, clock.instant());
    }

    /** An action done at {@code at}, recorded later: the command line knows the import's ID once it has run. */
    public void record(long importId, String action, String actor, String detail, Instant at) {
        jdbc.update("INSERT INTO IMPORT_AUDIT (IMPORT_ID, ACTION, ACTOR, DETAIL, DONE_AT) VALUES (?, ?, ?, ?, ?)",
                importId, action, actor, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000),
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    /** An import's entries, oldest first. */
    public List<AuditEntry> findByImport(long importId) {
        return jdbc.query("SELECT * FROM IMPORT_AUDIT WHERE IMPORT_ID = ? ORDER BY ID", this::map, importId);
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("ID"), rs.getLong("IMPORT_ID"), rs.getString("ACTION"), rs.getString("ACTOR"),
                rs.getString("DETAIL"), rs.getObject("DONE_AT", OffsetDateTime.class).toInstant());
    }
}
