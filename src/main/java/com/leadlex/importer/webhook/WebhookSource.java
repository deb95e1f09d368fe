package com.leadlex.importer.webhook;

import java.util.List;

import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * One configured webhook source ({@code importer.webhooks.sources.<name>.*}). Secrets come from the
 * environment through placeholders ({@code secret: ${HUBSPOT_WEBHOOK_SECRET:}}); a source whose
 * secret is empty refuses every request.
 *
 * @param format            the payload shape
 * @param auth              how the caller is verified
 * @param secret            HMAC key, {@code whsec_...} key(s) (space separated while rotating), Basic password or path token
 * @param username          the Basic user name ({@code auth: basic})
 * @param campaign          a fixed campaign ID for every contact from this source
 * @param campaignLocation  else where the campaign is in each record: JSON Pointer, or SOAP element name
 * @param idLocation        where the LeadLex contact ID is in each record: JSON Pointer, or SOAP element name
 * @param signatureHeader   the header carrying {@code sha256=<hex>} ({@code auth: body-hmac})
 * @param deliveryIdHeader  a header naming the delivery, for formats whose body names none
 * @param publicUrl         the URL the CRM calls, when a proxy hides it (HubSpot signs the full URI)
 * @param organizationIds   Salesforce organization IDs allowed to call ({@code auth: path-token})
 * @param maxBodySize       overrides {@code importer.webhooks.max-body-size} for this source
 * @param emailLocation     where the contact's e-mail address is in each record, for records without a LeadLex
 *                          ID (resolved through the contact directory): JSON Pointer, or SOAP element name
 */
public record WebhookSource(
        WebhookFormat format,
        WebhookAuthKind auth,
        String secret,
        String username,
        String campaign,
        String campaignLocation,
        String idLocation,
        String signatureHeader,
        String deliveryIdHeader,
        String publicUrl,
        List<String> organizationIds,
        DataSize maxBodySize,
        String emailLocation) {

    @ConstructorBinding
    public WebhookSource {
        if (format == null) {
            throw new IllegalArgumentException("a webhook source needs a format (generic-json, hubspot, "
                    + "salesforce-outbound, pipedrive-v2)");
        }
        if (auth == null) {
            throw new IllegalArgumentException("a webhook source needs an auth (hubspot-v3, standard-webhooks, "
                    + "body-hmac, basic, path-token)");
        }
        secret = secret == null ? "" : secret.strip();
        organizationIds = organizationIds == null ? List.of() : List.copyOf(organizationIds);
        idLocation = idLocation == null || idLocation.isBlank() ? format.defaultIdLocation() : idLocation;
        emailLocation = emailLocation == null || emailLocation.isBlank() ? format.defaultEmailLocation() : emailLocation;
        signatureHeader = signatureHeader == null || signatureHeader.isBlank() ? "X-LeadLex-Signature"
                : signatureHeader;
        if ((campaign == null || campaign.isBlank()) && (campaignLocation == null || campaignLocation.isBlank())) {
            campaignLocation = format == WebhookFormat.GENERIC_JSON ? "/campaign_id" : null;
        }
    }

    /** A source whose records carry LeadLex IDs only where the defaults say, e-mail addresses likewise. */
    public WebhookSource(WebhookFormat format, WebhookAuthKind auth, String secret, String username, String campaign,
            String campaignLocation, String idLocation, String signatureHeader, String deliveryIdHeader,
            String publicUrl, List<String> organizationIds, DataSize maxBodySize) {
        this(format, auth, secret, username, campaign, campaignLocation, idLocation, signatureHeader, deliveryIdHeader,
                publicUrl, organizationIds, maxBodySize, null);
    }

    public boolean hasSecret() {
        return !secret.isEmpty();
    }

    /** Never print the secret: records' own toString would. */
    @Override
    public String toString() {
        return "WebhookSource[format=" + format + ", auth=" + auth + ", campaign=" + campaign + ", campaignLocation="
                + campaignLocation + ", idLocation=" + idLocation + ", emailLocation=" + emailLocation + ", secret="
                + (hasSecret() ? "(set)" : "(none)") + "]";
    }
}
