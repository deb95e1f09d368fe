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
 * Tells whoever dropped a file that could not be staged why, next to the file itself: writes
 * {@code <file>.error.txt} into the folder the file is moved to ({@code failed/}), locally or, for an
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
        try {
            rejectedFiles.add(new RejectedFile(0, statuses.sourceName(routeId), routeId, fileName,
                    campaignOf(exchange), reason, text,
                    location, clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Could not record the rejection of {}: {}", fileName, e.getMessage());
        }
        statuses.fileRejected(routeId, fileName, reason);
    }

    /** Writes the report beside where the file goes; returns where it went, or why it did not. */
    private String leaveReport(Exchange exchange, String fileName, String text) {
        if (exchange.getFromEndpoint() instanceof FileEndpoint) {
            String parent = exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class);
            Path report = Path.of(parent).resolve("failed").resolve(fileName + ".error.txt");
            try {
                Files.createDirectories(report.getParent());
                Files.writeString(report, text, StandardCharsets.UTF_8);
                return report.toString();
            } catch (IOException e) {
                log.warn("Could not write the error report {}: {}", report, e.getMessage());
                return "not written: " + e.getMessage();
            }
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

    /** The campaign as the intake would have taken it: the header, else the sub-folder (the inbox's way). */
    private static String campaignOf(Exchange exchange) {
        String campaign = exchange.getMessage().getHeader(CamelListIntake.CAMPAIGN_HEADER, String.class);
        if (campaign != null && !campaign.isBlank()) {
            return campaign;
        }
        String relative = exchange.getMessage().getHeader(Exchange.FILE_NAME, "", String.class).replace('\\', '/');
        return relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : null;
    }
}
