package com.leadlex.importer.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.leadlex.importer.leadlex.QuotaLimits;

/**
 * What importing a list would take, found without calling LeadLex: its valid, invalid and duplicate
 * rows, the requests it needs ({@code ceil(valid / chunk-size)}: invalid and duplicate rows never
 * cost one) and how long that takes at the key's quota.
 *
 * @param requests          requests a real import of this list sends when nothing fails
 * @param limits            the quota planned with: the configured limits, tightened by those LeadLex named
 * @param eta               when the import would finish if started now, taking turns with the unfinished
 *                          imports on the key and counting the quota already used; null when unknown (an
 *                          unmetered key LeadLex has not answered on yet)
 * @param estimatedDuration the time from now to {@code eta}, or null
 * @param estimate          the same in words, with the windows that bound it
 * @param alreadyImportedBy the import that already enrolled this very list into this campaign, or null:
 *                          a real import would then send nothing unless forced
 * @param firstRejects      up to ten invalid rows, as {@code line: value (reason)}
 */
public record DryRunReport(
        String campaignId,
        String fileName,
        long rowsRead,
        long valid,
        long invalid,
        long duplicates,
        int chunkSize,
        long requests,
        QuotaLimits limits,
        Instant eta,
        Duration estimatedDuration,
        String estimate,
        Long alreadyImportedBy,
        List<String> firstRejects,
        long emailsToResolve,
        long contactsToCreate,
        long lookUpRequests,
        long createRequests) {

    /** The report as a few lines for the console. */
    public String text() {
        StringBuilder text = new StringBuilder()
                .append("Dry run of ").append(fileName).append(" for campaign ").append(campaignId)
                .append(" (nothing sent to LeadLex)\n")
                .append(rowsRead).append(" rows: ").append(valid).append(" valid, ").append(invalid)
                .append(" invalid, ").append(duplicates).append(" duplicates\n")
                .append(requests).append(" request(s) of up to ").append(chunkSize).append(" IDs; ")
                .append(estimate).append('\n');
        if (emailsToResolve > 0) {
            text.append(emailsToResolve).append(" e-mail address(es) to resolve, ").append(contactsToCreate)
                    .append(" contact(s) to create: ").append(lookUpRequests).append(" export request(s), ")
                    .append(createRequests).append(" bulk creation request(s), counted in the estimate\n");
        }
        if (alreadyImportedBy != null) {
            text.append("This list was already imported into this campaign by import ").append(alreadyImportedBy)
                    .append(": importing it again sends nothing unless forced\n");
        }
        firstRejects.forEach(reject -> text.append("  invalid ").append(reject).append('\n'));
        return text.toString();
    }
}
