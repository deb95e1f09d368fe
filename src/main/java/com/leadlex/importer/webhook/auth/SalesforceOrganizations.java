package com.leadlex.importer.webhook.auth;

import com.leadlex.importer.webhook.WebhookRefusedException;
import com.leadlex.importer.webhook.WebhookSource;

/**
 * The organization-ID allow-list of a path-token source. Salesforce IDs come as 15 characters
 * (case-sensitive) or 18 (with a checksum suffix); a configured ID matches either form. An empty
 * list allows no organization: a token alone is not enough.
 */
public final class SalesforceOrganizations {

    private SalesforceOrganizations() {
    }

    public static void requireAllowed(WebhookSource source, String organizationId) {
        if (organizationId == null || organizationId.length() < 15) {
            throw WebhookRefusedException.unauthorized("no usable OrganizationId in the message");
        }
        String key = organizationId.substring(0, 15);
        boolean allowed = source.organizationIds().stream()
                .anyMatch(id -> id.length() >= 15 && id.substring(0, 15).equals(key));
        if (!allowed) {
            throw WebhookRefusedException.unauthorized("organization " + organizationId + " is not in organization-ids");
        }
    }
}
