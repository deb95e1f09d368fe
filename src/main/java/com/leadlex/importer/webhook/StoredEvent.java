package com.leadlex.importer.webhook;

/**
 * What the caller is told: the event's ID, and whether this delivery had been stored before (then
 * nothing new was stored).
 */
public record StoredEvent(long eventId, boolean duplicate, int contactIds) {
}
