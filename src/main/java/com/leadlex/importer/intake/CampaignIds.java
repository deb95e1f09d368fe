package com.leadlex.importer.intake;

import com.leadlex.importer.staging.ContactListRejectedException;

/**
 * LeadLex calls campaign IDs UUIDs but its own examples use {@code cmp_abc123}, so they are taken
 * as opaque path segments: anything non-blank without a slash or control characters.
 */
public final class CampaignIds {

    private CampaignIds() {
    }

    public static void requireValid(String campaignId) {
        if (campaignId == null || campaignId.isBlank()) {
            throw new ContactListRejectedException("no campaign ID given: name the campaign (inbox sub-folder or --campaign)");
        }
        if (campaignId.length() > 200 || campaignId.contains("/") || campaignId.contains("\\")
                || campaignId.chars().anyMatch(Character::isISOControl) || !campaignId.strip().equals(campaignId)
                || campaignId.equals(".") || campaignId.equals("..")) {
            throw new ContactListRejectedException("'" + campaignId + "' is not a usable campaign ID: it must be at "
                    + "most 200 characters, without slashes, control characters or surrounding spaces, and not . or ..");
        }
    }
}
