package com.leadlex.importer.webhook;

/** The ways a webhook caller can prove who it is ({@code auth: hubspot-v3}, ...). */
public enum WebhookAuthKind {
    /** {@code X-HubSpot-Signature-v3}: base64 HMAC-SHA256 of method + URI + body + timestamp. */
    HUBSPOT_V3,
    /** Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64>}. */
    STANDARD_WEBHOOKS,
    /** {@code sha256=<hex>} HMAC of the raw body in one header, as LeadLex signs its own webhooks. */
    BODY_HMAC,
    /** HTTP Basic, as Pipedrive sends {@code http_auth_user}/{@code http_auth_password}. */
    BASIC,
    /** A secret token as the last path segment plus, for Salesforce, an organization-ID allow-list. */
    PATH_TOKEN
}
