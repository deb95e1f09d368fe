package com.leadlex.importer.leadlex;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One "Add Contacts to Campaign" call, checked before it can cost a request: LeadLex refuses more
 * than 500 IDs or none, and a campaign ID is an opaque path segment (the doc says UUID, its examples
 * say {@code cmp_abc123}), so it must be non-blank, must not contain {@code /} and is URL-encoded.
 */
public record AddContactsRequest(String campaignId, List<String> contactIds, String source) {

    public static final int MAX_CONTACTS = 500;

    public AddContactsRequest {
        if (campaignId == null || campaignId.isBlank()) {
            throw new IllegalArgumentException("Campaign ID is blank");
        }
        if (campaignId.contains("/") || campaignId.equals(".") || campaignId.equals("..")) {
            throw new IllegalArgumentException("Campaign ID is not a single path segment: " + campaignId);
        }
        if (contactIds == null || contactIds.isEmpty()) {
            throw new IllegalArgumentException("No contact IDs to send for campaign " + campaignId);
        }
        if (contactIds.size() > MAX_CONTACTS) {
            throw new IllegalArgumentException("LeadLex accepts at most " + MAX_CONTACTS + " contact IDs per request, got "
                    + contactIds.size() + " for campaign " + campaignId);
        }
        if (contactIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("A contact ID is null for campaign " + campaignId);
        }
        contactIds = List.copyOf(contactIds);
    }

    /** The request path below the base URL, campaign ID percent-encoded as a path segment. */
    public String path() {
        String segment = URLEncoder.encode(campaignId, StandardCharsets.UTF_8).replace("+", "%20");
        return "/v1/campaigns/" + segment + "/contacts";
    }
}
