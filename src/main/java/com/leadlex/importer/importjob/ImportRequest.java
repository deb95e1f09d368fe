package com.leadlex.importer.importjob;

/**
 * A staged list's destination and origin.
 *
 * @param campaignId the LeadLex campaign to enroll into (an opaque ID)
 * @param sourceName where the list came from: {@code inbox}, {@code cli}, a configured source's name
 * @param fileName   the list's file name, for people and for the source tag
 * @param sourceTag  the {@code source} sent to LeadLex with every chunk
 * @param force      import even if the same list was already imported into this campaign
 */
public record ImportRequest(String campaignId, String sourceName, String fileName, String sourceTag, boolean force) {
}
