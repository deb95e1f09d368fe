package com.leadlex.importer.webhook;

/** The payload shapes a webhook source can declare ({@code format: hubspot}, ...). */
public enum WebhookFormat {
    /** {@code {"campaign_id": "...", "contact_ids": [...], "emails": [...], "source": "..."}}. */
    GENERIC_JSON("/contact_ids", "/emails"),
    /** A workflow "send a webhook" body (one contact's properties) or a webhook event array. */
    HUBSPOT("/properties/leadlex_id/value", "/properties/email"),
    /** A SOAP {@code notifications} message with up to 100 {@code Notification} elements. */
    SALESFORCE_OUTBOUND("LeadLex_Id__c", "Email"),
    /** Pipedrive webhooks v2: {@code {"meta": {...}, "data": {...}, "previous": {...}}}; a person's primary address. */
    PIPEDRIVE_V2("/data/custom_fields/leadlex_id/value", "/data/emails");

    private final String defaultIdLocation;
    private final String defaultEmailLocation;

    WebhookFormat(String defaultIdLocation, String defaultEmailLocation) {
        this.defaultIdLocation = defaultIdLocation;
        this.defaultEmailLocation = defaultEmailLocation;
    }

    /**
     * Where the contact's e-mail address is when a source does not say, for records without a LeadLex
     * ID: a JSON Pointer, or an element name for SOAP.
     */
    public String defaultEmailLocation() {
        return defaultEmailLocation;
    }

    /** Where the LeadLex ID is when a source does not say: a JSON Pointer, or an element name for SOAP. */
    public String defaultIdLocation() {
        return defaultIdLocation;
    }
}
