package com.leadlex.importer.sources;

import java.time.Instant;

/**
 * A file a source could not stage, as its sender was told.
 *
 * @param campaignId     the campaign it was meant for, when the source knew it before the failure
 * @param report         the text of {@code <name>.error.txt}
 * @param reportLocation where that report was left (a local path or an sftp:// location), or why not
 */
public record RejectedFile(long id, String source, String routeId, String fileName, String campaignId, String reason,
        String report, String reportLocation, Instant rejectedAt) {
}
