package com.leadlex.importer.notify;

import java.time.Instant;

/** One row of NOTIFICATION_OUTBOX: a message for one channel and how its sending went. */
public record OutboxMessage(long id, String eventKey, String channel, String kind, String subject, String text,
        String payload, String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
        Instant sentAt) {
}
