package com.leadlex.importer.pool;

import java.util.List;

/**
 * Contacts one poller has taken from a campaign's pool, to be handed to one import as a list: their IDs, and
 * for webhook records that came with an address instead, the address (a list line with an {@code @}, which
 * staging reads as an e-mail row and the import resolves before sending).
 *
 * @param fromLists whether some of them came from small lists (then the import is a pooled one, whose end
 *                  those lists' imports follow), not only from webhooks
 */
public record ClaimedBatch(long batchId, String campaignId, List<String> contactIds, boolean fromLists) {

    public ClaimedBatch {
        contactIds = List.copyOf(contactIds);
    }
}
