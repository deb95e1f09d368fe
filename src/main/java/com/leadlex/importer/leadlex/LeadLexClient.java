package com.leadlex.importer.leadlex;

import java.util.List;

import org.springframework.stereotype.Component;

/** PLACEHOLDER, replaced by the leadlex branch: the real client, over a Camel http route. */
@Component
public class LeadLexClient {

    /**
     * Enrolls up to 500 contacts, waiting for the key's quota gate first and retrying 429, 5xx and
     * transport failures within bounds.
     *
     * @throws LeadLexException         when the request failed for good
     * @throws QuotaExhaustedException  when the next permitted request is further than max-wait away
     */
    public ChunkResponse addContacts(String campaignId, List<String> contactIds, String source) {
        throw new UnsupportedOperationException("replaced by the leadlex branch");
    }
}
