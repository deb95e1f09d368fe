package com.leadlex.importer.sources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.file.remote.RemoteFileEndpoint;
import org.apache.camel.component.file.FileEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.leadlex.importer.intake.CamelListIntake;

/**
 * Tells whoever dropped a file that could not be staged, or whose import failed, why, next to the
 * file itself: writes {@code <file>.error.txt} into the folder the file is moved to ({@code failed/},
 * under the free name the file gets there), locally or, for an
 * SFTP source, on the server when it lets us; records the rejection with its report
 * (REJECTED_FILE, {@code GET /api/rejected-files}), sets the source's status to
 * {@code last file rejected} (which publishes a {@link SourceEvent} for notifications) and logs one
 * line. None of this may fail the route's own failure handling: each step logs its own trouble.
 */
@Component
public class StagingFailureReport {

    private static final Logger log = LoggerFactory.getLogger(StagingFailureReport.class);

    private final Clock clock;
    private final SourceStatusRegistry statuses;
    private final RejectedFileRepository rejectedFiles;
    private final ProducerTemplate producer;

    public StagingFailureReport(Clock clock, SourceStatusRegistry statuses, RejectedFileRepository rejectedFiles,
            CamelContext camel) {
        this.clock = clock;
        this.statuses = statuses;
        this.rejectedFiles = rejectedFiles;
        this.producer = camel.createProducerTemplate();
    }

    public void write(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = failure == null ? "unknown error" : failure.getMessage();
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, "list", String.class);
        log.warn("Rejected {}: {}", fileName, reason);
        String text = "File:     " + fileName + "\n"
                + "Time:     " + clock.instant() + "\n"
                + "Problem:  " + reason + "\n"
                + "Nothing from this file was imported. Fix the file and drop it into the campaign folder again.\n";
        String location = leaveReport(exchange, fileName, text);
        String routeId = exchange.getFromRouteId();
        if (routeId == null) {
            return;
        }
        record(new RejectedFile(0, statuses.sourceName(routeId), routeId, fileName, campaignOf(exchange), reason, text,
                location, clock.instant()));
    }

    /**
     * Reports a list whose import failed after the list was staged: its report goes beside it in
     * failed/ (where {@code placement} says it is now), it is recorded and shown like a list that
     * could not be staged, and its file is forgotten as taken, so that dropping it in again (once
     * the cause is fixed) takes it again.
     */
    void importFailed(SourceFileTargets.Placement placement, long importId, String reason) {
        String problem = "import " + importId + " failed: " + reason;
        log.warn("List {} moved to {}: {}", placement.fileName(), placement.file(), problem);
        String text = "File:     " + placement.fileName() + "\n"
                + "Time:     " + clock.instant() + "\n"
                + "Problem:  " + problem + "\n"
                + "The list was staged, but its import failed; contacts sent before the failure stay enrolled. "
                + "Fix the cause, then restart import " + importId + " (POST /api/imports/" + importId
                + "/restart) or drop the list into the campaign folder again.\n";
        Path report = placement.file().resolveSibling(placement.file().getFileName() + FreeFileNames.REPORT_SUFFIX);
        String location = writeLocally(report, text);
        if (placement.fileKey() != null && placement.takenFiles() != null) {
            try {
                placement.takenFiles().remove(placement.fileKey());
            } catch (RuntimeException e) {
                log.warn("Could not forget {} as taken: {}", placement.fileName(), e.getMessage());
            }
        }
        if (placement.routeId() != null) {
            record(new RejectedFile(0, statuses.sourceName(placement.routeId()), placement.routeId(),
                    placement.fileName(), placement.campaignId(), problem, text, location, clock.instant()));
        }
    }

    private void record(RejectedFile file) {
        try {
            rejectedFiles.add(file);
        } catch (RuntimeException e) {
            log.warn("Could not record the rejection of {}: {}", file.fileName(), e.getMessage());
        }
        statuses.fileRejected(file.routeId(), file.fileName(), file.reason());
    }

    /** Writes the report beside where the file goes; returns where it went, or why it did not. */
    private String leaveReport(Exchange exchange, String fileName, String text) {
        if (exchange.getFromEndpoint() instanceof FileEndpoint) {
            // the list goes to a free name in failed/ (SourceFileTargets#failed), and its report beside it
            String parent = exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class);
            Path target = FreeFileNames.in(Path.of(parent).resolve("failed"), fileName);
            exchange.setProperty(SourceFileTargets.FAILED_TARGET, target.toString());
            return writeLocally(target.resolveSibling(target.getFileName() + FreeFileNames.REPORT_SUFFIX), text);
        }
        if (exchange.getFromEndpoint() instanceof RemoteFileEndpoint<?> remote) {
            // relative to the endpoint's folder, like the file itself and its moveFailed target
            String relative = exchange.getMessage().getHeader(Exchange.FILE_NAME, fileName, String.class);
            String folder = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/') + 1) : "";
            String target = folder + "failed/" + fileName + ".error.txt";
            try {
                producer.sendBodyAndHeader(remote, text, Exchange.FILE_NAME, target);
                return remote.getConfiguration().getProtocol() + "://" + remote.getConfiguration().getHost() + "/"
                        + remote.getConfiguration().getDirectory() + "/" + target;
            } catch (RuntimeException e) {
                log.warn("Could not leave the error report {} on the server: {}", target, SourceFailures.describe(e));
                return "not written on the server: " + SourceFailures.describe(e);
            }
        }
        return null;
    }

    private static String writeLocally(Path report, String text) {
        try {
            Files.createDirectories(report.getParent());
            Files.writeString(report, text, StandardCharsets.UTF_8);
            return report.toString();
        } catch (IOException e) {
            log.warn("Could not write the error report {}: {}", report, e.getMessage());
            return "not written: " + e.getMessage();
        }
    }

    /** The campaign as the intake would have taken it: the header, else the sub-folder (the inbox's way). */
    static String campaignOf(Exchange exchange) {
        String campaign = exchange.getMessage().getHeader(CamelListIntake.CAMPAIGN_HEADER, String.class);
        if (campaign != null && !campaign.isBlank()) {
            return campaign;
        }
        String relative = exchange.getMessage().getHeader(Exchange.FILE_NAME, "", String.class).replace('\\', '/');
        return relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : null;
    }
}
