package com.leadlex.importer.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.leadlex.importer.system.GeneratedIds;
import com.leadlex.importer.system.IndependentWrites;

/**
 * WEBHOOK_EVENT with its WEBHOOK_CONTACT and WEBHOOK_RECORD rows. An event and all its contact IDs
 * commit together or not at all, before the caller gets an answer; a delivery already stored (unique
 * per source and delivery ID) is reported as a duplicate and nothing more is written. Records are
 * recognised one by one as well (unique per source and record ID), because CRMs retry by the
 * envelope: a retried envelope may carry records already stored beside new ones.
 */
@Repository
public class WebhookEventRepository {

    private static final int STORE_ATTEMPTS = 3;
    private static final int LOOKUP_BATCH = 100;

    private final JdbcTemplate jdbc;
    private final IndependentWrites writes;

    public WebhookEventRepository(JdbcTemplate jdbc, IndependentWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /**
     * Stores the event, its contact IDs and its named records in one transaction; records an earlier
     * delivery already brought are left out. A delivery whose records were all stored before is a
     * duplicate, like one with a delivery ID already stored. Two deliveries sharing a new record at
     * the same moment meet on the record's unique key: the loser looks again and finds it stored.
     */
    public StoredEvent store(NewWebhookEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writes.inOwnTransaction(() -> storeNew(event));
            } catch (DuplicateKeyException e) {
                Optional<WebhookEventRecord> earlier = findByDelivery(event.sourceName(), event.deliveryId());
                if (earlier.isPresent()) {
                    return duplicateOf(earlier.get(), event.recordIds().size());
                }
                if (attempt >= STORE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private StoredEvent storeNew(NewWebhookEvent received) {
        Map<String, Long> earlierRecords = storedRecords(received.sourceName(), received.recordIds());
        NewWebhookEvent event = received.without(earlierRecords.keySet());
        if (!earlierRecords.isEmpty() && event.records().isEmpty()) {
            long first = earlierRecords.values().stream().min(Long::compare).orElseThrow();
            return duplicateOf(findById(first).orElseThrow(), earlierRecords.size());
        }
        OffsetDateTime now = writes.now();
        long eventId = insertEvent(event, now);
        List<Object[]> rows = new ArrayList<>(event.contacts().size());
        for (ContactReference contact : event.contacts()) {
            rows.add(new Object[] {eventId, contact.campaignId(), contact.contactId(), contact.email(), now});
        }
        jdbc.batchUpdate("INSERT INTO WEBHOOK_CONTACT (EVENT_ID, CAMPAIGN_ID, CONTACT_ID, EMAIL, RECEIVED_AT) "
                + "VALUES (?, ?, ?, ?, ?)", rows);
        jdbc.batchUpdate("INSERT INTO WEBHOOK_RECORD (SOURCE_NAME, RECORD_ID, EVENT_ID) VALUES (?, ?, ?)",
                event.recordIds().stream().map(id -> new Object[] {event.sourceName(), id, eventId}).toList());
        return new StoredEvent(eventId, false, event.contacts().size(), event.invalidCount(), earlierRecords.size());
    }

    private static StoredEvent duplicateOf(WebhookEventRecord earlier, int recordsAlreadyReceived) {
        return new StoredEvent(earlier.id(), true, earlier.contactCount(), earlier.invalidCount(),
                recordsAlreadyReceived);
    }

    /** The records among {@code recordIds} that a source's earlier deliveries stored, with their events. */
    private Map<String, Long> storedRecords(String source, List<String> recordIds) {
        Map<String, Long> stored = new HashMap<>();
        for (int from = 0; from < recordIds.size(); from += LOOKUP_BATCH) {
            List<String> some = recordIds.subList(from, Math.min(recordIds.size(), from + LOOKUP_BATCH));
            List<Object> args = new ArrayList<>(some.size() + 1);
            args.add(source);
            args.addAll(some);
            jdbc.query("SELECT RECORD_ID, EVENT_ID FROM WEBHOOK_RECORD WHERE SOURCE_NAME = ? AND RECORD_ID IN ("
                    + String.join(", ", Collections.nCopies(some.size(), "?")) + ")",
                    rs -> {
                        stored.put(rs.getString("RECORD_ID"), rs.getLong("EVENT_ID"));
                    }, args.toArray());
        }
        return stored;
    }

    private long insertEvent(NewWebhookEvent event, OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO WEBHOOK_EVENT (SOURCE_NAME, DELIVERY_ID, FORMAT, CAMPAIGN_ID, CONTACT_COUNT,
                        INVALID_COUNT, BODY_SHA256, RECEIVED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    Statement.RETURN_GENERATED_KEYS);
            statement.setString(1, event.sourceName());
            statement.setString(2, event.deliveryId());
            statement.setString(3, event.format().name());
            statement.setString(4, event.singleCampaign());
            statement.setInt(5, event.contacts().size());
            statement.setInt(6, event.invalidCount());
            statement.setString(7, event.bodySha256());
            statement.setObject(8, now);
            return statement;
        }, keys);
        return GeneratedIds.idOf(keys, "webhook event");
    }

    public Optional<WebhookEventRecord> findByDelivery(String source, String deliveryId) {
        return query("WHERE E.SOURCE_NAME = ? AND E.DELIVERY_ID = ?", "DESC", 1, source, deliveryId).stream().findFirst();
    }

    public Optional<WebhookEventRecord> findById(long id) {
        return query("WHERE E.ID = ?", "DESC", 1, id).stream().findFirst();
    }

    /** Newest first; {@code source} and {@code campaign} filter when not null. */
    public List<WebhookEventRecord> findRecent(String source, String campaign, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        if (source != null) {
            where.append(" AND E.SOURCE_NAME = ?");
            args.add(source);
        }
        if (campaign != null) {
            where.append(" AND E.ID IN (SELECT EVENT_ID FROM WEBHOOK_CONTACT WHERE CAMPAIGN_ID = ?)");
            args.add(campaign);
        }
        return query(where.toString(), "DESC", limit, args.toArray());
    }

    /** The events whose contact IDs an import carries, oldest first. */
    public List<WebhookEventRecord> findByImport(long importId) {
        return query("WHERE E.ID IN (SELECT C.EVENT_ID FROM WEBHOOK_CONTACT C JOIN WEBHOOK_BATCH B "
                + "ON C.BATCH_ID = B.ID WHERE B.IMPORT_ID = ?)", "ASC", 10_000, importId);
    }

    private List<WebhookEventRecord> query(String where, String order, int limit, Object... args) {
        List<WebhookEventRecord> events = new ArrayList<>();
        jdbc.query("SELECT E.* FROM WEBHOOK_EVENT E " + where + " ORDER BY E.ID " + order + " FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY", rs -> {
                    events.add(map(rs));
                }, args);
        return events.stream().map(this::withProgress).toList();
    }

    private WebhookEventRecord withProgress(WebhookEventRecord event) {
        Integer pending = jdbc.queryForObject("SELECT COUNT(*) FROM WEBHOOK_CONTACT WHERE EVENT_ID = ? "
                + "AND BATCH_ID IS NULL", Integer.class, event.id());
        List<Long> imports = jdbc.queryForList("SELECT DISTINCT B.IMPORT_ID FROM WEBHOOK_CONTACT C JOIN WEBHOOK_BATCH B "
                + "ON C.BATCH_ID = B.ID WHERE C.EVENT_ID = ? AND B.IMPORT_ID IS NOT NULL ORDER BY B.IMPORT_ID",
                Long.class, event.id());
        return new WebhookEventRecord(event.id(), event.source(), event.deliveryId(), event.format(),
                event.campaignId(), event.contactCount(), event.invalidCount(), event.receivedAt(),
                pending == null ? 0 : pending, imports);
    }

    private static WebhookEventRecord map(ResultSet rs) throws SQLException {
        OffsetDateTime received = rs.getObject("RECEIVED_AT", OffsetDateTime.class);
        return new WebhookEventRecord(rs.getLong("ID"), rs.getString("SOURCE_NAME"), rs.getString("DELIVERY_ID"),
                WebhookFormat.valueOf(rs.getString("FORMAT")), rs.getString("CAMPAIGN_ID"), rs.getInt("CONTACT_COUNT"),
                rs.getInt("INVALID_COUNT"), received.toInstant(), 0, List.of());
    }
}
