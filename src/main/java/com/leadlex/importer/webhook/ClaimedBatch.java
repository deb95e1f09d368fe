package com.leadlex.importer.webhook;

import java.util.List;

/**
 * Contacts one poller has taken for one campaign, to be handed to one import as a list: their IDs, and
 * for records that came with an address instead, the address (a list line with an {@code @}, which
 * staging reads as an e-mail row and the import resolves before sending).
 */
public record ClaimedBatch(long batchId, String campaignId, List<String> contactIds) {

    public ClaimedBatch {
        contactIds = List.copyOf(contactIds);
    }
}
