package com.leadlex.importer.webhook;

import java.util.List;

/**
 * One record of a delivery after validation: the valid contact IDs (or, without any, e-mail addresses)
 * it brought, with their campaigns, and how many values at that location were neither.
 *
 * @param recordId what names the record across its sender's retries (see
 *                 {@link com.leadlex.importer.webhook.format.PayloadRecord#recordId()}), or null when
 *                 nothing does; then only the delivery as a whole is recognised when resent
 */
public record ReceivedRecord(String recordId, List<ContactReference> contacts, int invalidCount) {

    public ReceivedRecord {
        contacts = List.copyOf(contacts);
    }
}
