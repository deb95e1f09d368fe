package com.leadlex.importer.cluster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * IMPORTER_NODE, one row per running importer with its latest heartbeat, and the leader's row in
 * Spring Integration's INT_LOCK (read to say who leads; deleted only for an instance provably gone).
 * Each statement commits on its own.
 */
@Repository
public class NodeRepository {

    private final JdbcTemplate jdbc;

    public NodeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a heartbeat of the node, registering it first if it has no row (new, or pruned meanwhile). */
    public void heartbeat(String id, String nodeName, String baseUrl, Instant startedAt, Instant now) {
        int updated = jdbc.update("UPDATE IMPORTER_NODE SET LAST_HEARTBEAT = ?, BASE_URL = ? WHERE ID = ?", utc(now),
                baseUrl, id);
        if (updated == 0) {
            jdbc.update("INSERT INTO IMPORTER_NODE (ID, NODE_NAME, BASE_URL, STARTED_AT, LAST_HEARTBEAT) "
                    + "VALUES (?, ?, ?, ?, ?)", id, nodeName, baseUrl, utc(startedAt), utc(now));
        }
    }

    public void remove(String id) {
        jdbc.update("DELETE FROM IMPORTER_NODE WHERE ID = ?", id);
    }

    /** Drops the nodes not heard from since {@code before}; returns how many. */
    public int forgetSilentSince(Instant before) {
        return jdbc.update("DELETE FROM IMPORTER_NODE WHERE LAST_HEARTBEAT < ?", utc(before));
    }

    public List<NodeRow> findAll() {
        return jdbc.query("SELECT ID, NODE_NAME, BASE_URL, STARTED_AT, LAST_HEARTBEAT FROM IMPORTER_NODE ORDER BY "
                + "NODE_NAME, STARTED_AT", NodeRepository::row);
    }

    /** The INT_LOCK client ID holding the leader's lock, unless that lock expired (by the library's clock: UTC here). */
    public Optional<String> leaderClientId() {
        return jdbc.queryForList("SELECT CLIENT_ID FROM INT_LOCK WHERE REGION = ? AND LOCK_KEY = ? AND EXPIRED_AFTER >= ?",
                String.class, LeaderElection.REGION, LeaderElection.leaderLockKey(), LocalDateTime.now(ZoneOffset.UTC))
                .stream().map(String::trim).findFirst();
    }

    /** Deletes the locks of an instance that is gone, so that a live node need not wait for them to expire. */
    public int deleteLocksOf(String instanceId) {
        return jdbc.update("DELETE FROM INT_LOCK WHERE REGION = ? AND CLIENT_ID = ?", LeaderElection.REGION,
                LeaderElection.clientIdOf(instanceId));
    }

    private static NodeRow row(ResultSet rs, int row) throws SQLException {
        return new NodeRow(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A node as its row has it. */
    public record NodeRow(String id, String nodeName, String baseUrl, Instant startedAt, Instant lastHeartbeat) {
    }
}
