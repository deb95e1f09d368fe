package com.leadlex.importer.webhook;

import java.util.List;

/** Contact IDs one poller has taken for one campaign, to be handed to one import. */
public record ClaimedBatch(long batchId, String campaignId, List<String> contactIds) {

    public ClaimedBatch {
        contactIds = List.copyOf(contactIds);
    }
}
