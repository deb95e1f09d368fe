package com.leadlex.importer.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * NOTIFICATION_OUTBOX: messages are written here before anything is sent, one row per channel,
 * at most one per change of state (its key). A node claims a row by moving it to SENDING with a
 * deadline in one conditional update, so with several nodes exactly one sends it; a node that dies
 * mid-send leaves a claim that expires and is taken again.
 */
@Repository
public class NotificationOutbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public NotificationOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds the message for a channel unless that change was already recorded for it; true when added. */
    public boolean add(Notification notification, String channel, String payload) {
        OffsetDateTime now = now();
        try {
            return jdbc.update("INSERT INTO NOTIFICATION_OUTBOX (EVENT_KEY, CHANNEL, KIND, SUBJECT, BODY_TEXT, "
                    + "PAYLOAD, STATUS, ATTEMPTS, NEXT_ATTEMPT_AT, CREATED_AT) SELECT ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? "
                    + "WHERE NOT EXISTS (SELECT 1 FROM NOTIFICATION_OUTBOX WHERE EVENT_KEY = ? AND CHANNEL = ?)",
                    notification.key(), channel, notification.kind(), clip(notification.subject(), 1000),
                    clip(notification.text(), 8000), clip(payload, 16000), now, now, notification.key(), channel) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Rows due now: pending ones whose time has come, and claims a dead node left behind. */
    public List<OutboxMessage> due(int limit) {
        return jdbc.query("SELECT * FROM NOTIFICATION_OUTBOX WHERE STATUS IN ('PENDING', 'SENDING') "
                + "AND NEXT_ATTEMPT_AT <= ? ORDER BY ID FETCH FIRST " + limit + " ROWS ONLY", this::map, now());
    }

    /** Takes a due row for this node until {@code claimUntil}; false when another node was first. */
    public boolean claim(OutboxMessage message, Instant claimUntil) {
        return jdbc.update("UPDATE NOTIFICATION_OUTBOX SET STATUS = 'SENDING', NEXT_ATTEMPT_AT = ? "
                + "WHERE ID = ? AND STATUS = ? AND NEXT_ATTEMPT_AT = ?", at(claimUntil), message.id(),
                message.status(), at(message.nextAttemptAt())) == 1;
    }

    public void sent(long id, int attempts) {
        jdbc.update("UPDATE NOTIFICATION_OUTBOX SET STATUS = 'SENT', ATTEMPTS = ?, SENT_AT = ?, LAST_ERROR = NULL "
                + "WHERE ID = ?", attempts, now(), id);
    }

    public void retryAt(long id, int attempts, Instant nextAttemptAt, String error) {
        jdbc.update("UPDATE NOTIFICATION_OUTBOX SET STATUS = 'PENDING', ATTEMPTS = ?, NEXT_ATTEMPT_AT = ?, "
                + "LAST_ERROR = ? WHERE ID = ?", attempts, at(nextAttemptAt), clip(error, 2000), id);
    }

    public void gaveUp(long id, int attempts, String error) {
        jdbc.update("UPDATE NOTIFICATION_OUTBOX SET STATUS = 'GAVE_UP', ATTEMPTS = ?, LAST_ERROR = ? WHERE ID = ?",
                attempts, clip(error, 2000), id);
    }

    /**
     * The event key of the newest failing or recovered message about a source ({@link
     * NotificationMessages#sourceStateKey}), whichever node queued it; empty when none was queued.
     */
    public Optional<String> lastSourceStateKey(String routeId) {
        String prefix = NotificationMessages.sourceStatePrefix(routeId);
        return jdbc.queryForList("SELECT EVENT_KEY FROM NOTIFICATION_OUTBOX WHERE KIND IN ('source_failing', "
                + "'source_recovered') AND EVENT_KEY LIKE ? ESCAPE '!' ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY",
                String.class, likePrefix(prefix)).stream().findFirst();
    }

    public Optional<OutboxMessage> findById(long id) {
        return jdbc.query("SELECT * FROM NOTIFICATION_OUTBOX WHERE ID = ?", this::map, id).stream().findFirst();
    }

    /** The newest messages first, for the API and tests. */
    public List<OutboxMessage> recent(int limit) {
        return jdbc.query("SELECT * FROM NOTIFICATION_OUTBOX ORDER BY ID DESC FETCH FIRST " + limit + " ROWS ONLY",
                this::map);
    }

    private OutboxMessage map(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong("ID"), rs.getString("EVENT_KEY"), rs.getString("CHANNEL"),
                rs.getString("KIND"), rs.getString("SUBJECT"), rs.getString("BODY_TEXT"), rs.getString("PAYLOAD"),
                rs.getString("STATUS"), rs.getInt("ATTEMPTS"), instant(rs, "NEXT_ATTEMPT_AT"),
                rs.getString("LAST_ERROR"), instant(rs, "CREATED_AT"), instant(rs, "SENT_AT"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private OffsetDateTime now() {
        return at(clock.instant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
