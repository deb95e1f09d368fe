package com.leadlex.importer.sources;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** REJECTED_FILE: every file a source rejected, newest first when read. */
@Repository
public class RejectedFileRepository {

    private final JdbcTemplate jdbc;

    public RejectedFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(RejectedFile file) {
        jdbc.update("INSERT INTO REJECTED_FILE (SOURCE_NAME, ROUTE_ID, FILE_NAME, CAMPAIGN_ID, REASON, REPORT, "
                + "REPORT_LOCATION, REJECTED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", file.source(), file.routeId(),
                clip(file.fileName(), 1000), file.campaignId(), clip(file.reason(), 4000), clip(file.report(), 8000),
                clip(file.reportLocation(), 2000), file.rejectedAt().atOffset(ZoneOffset.UTC));
    }

    /** A page of rejected files, newest first; {@code source} null for every source. */
    public List<RejectedFile> findRecent(String source, int page, int size) {
        String where = source == null ? "" : "WHERE SOURCE_NAME = ? ";
        Object[] args = source == null ? new Object[0] : new Object[] {source};
        return jdbc.query("SELECT * FROM REJECTED_FILE " + where + "ORDER BY ID DESC OFFSET " + ((long) page * size)
                + " ROWS FETCH NEXT " + size + " ROWS ONLY", this::map, args);
    }

    private RejectedFile map(ResultSet rs, int row) throws SQLException {
        return new RejectedFile(rs.getLong("ID"), rs.getString("SOURCE_NAME"), rs.getString("ROUTE_ID"),
                rs.getString("FILE_NAME"), rs.getString("CAMPAIGN_ID"), rs.getString("REASON"), rs.getString("REPORT"),
                rs.getString("REPORT_LOCATION"), rs.getObject("REJECTED_AT", OffsetDateTime.class).toInstant());
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
