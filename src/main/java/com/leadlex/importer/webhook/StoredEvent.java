package com.leadlex.importer.webhook;

/**
 * What the caller is told: the event's ID, and whether this delivery had been stored before (then
 * nothing new was stored).
 *
 * @param contactIds             the valid contact IDs (or, for records without one, addresses) stored (for a
 *                               duplicate: those the earlier event stored)
 * @param invalidIds             values at the ID (or e-mail) location that were neither; a delivery with
 *                               none valid is still answered 202, so the count is how a sender sees it
 * @param recordsAlreadyReceived records of this delivery that earlier deliveries brought: not stored again
 */
public record StoredEvent(long eventId, boolean duplicate, int contactIds, int invalidIds,
        int recordsAlreadyReceived) {
}
