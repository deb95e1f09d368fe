package com.leadlex.importer.webhook;

/** The payload shapes a webhook source can declare ({@code format: hubspot}, ...). */
public enum WebhookFormat {
    /** {@code {"campaign_id": "...", "contact_ids": [...], "source": "..."}}. */
    GENERIC_JSON("/contact_ids"),
    /** A workflow "send a webhook" body (one contact's properties) or a webhook event array. */
    HUBSPOT("/properties/leadlex_id/value"),
    /** A SOAP {@code notifications} message with up to 100 {@code Notification} elements. */
    SALESFORCE_OUTBOUND("LeadLex_Id__c"),
    /** Pipedrive webhooks v2: {@code {"meta": {...}, "data": {...}, "previous": {...}}}. */
    PIPEDRIVE_V2("/data/custom_fields/leadlex_id/value");

    private final String defaultIdLocation;

    WebhookFormat(String defaultIdLocation) {
        this.defaultIdLocation = defaultIdLocation;
    }

    /** Where the LeadLex ID is when a source does not say: a JSON Pointer, or an element name for SOAP. */
    public String defaultIdLocation() {
        return defaultIdLocation;
    }
}
