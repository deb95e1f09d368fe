package com.leadlex.importer.sources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes {@code <file>.error.txt} into the folder a failed file is moved to, so whoever dropped it
 * finds out why next to the file itself, logs one line, and records the rejection in the source's
 * status (which publishes a {@link SourceEvent} for notifications).
 */
@Component
public class StagingFailureReport {

    private static final Logger log = LoggerFactory.getLogger(StagingFailureReport.class);

    private final Clock clock;
    private final SourceStatusRegistry statuses;

    public StagingFailureReport(Clock clock, SourceStatusRegistry statuses) {
        this.clock = clock;
        this.statuses = statuses;
    }

    public void write(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = failure == null ? "unknown error" : failure.getMessage();
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, "list", String.class);
        log.warn("Rejected {}: {}", fileName, reason);
        if (exchange.getFromRouteId() != null) {
            statuses.fileRejected(exchange.getFromRouteId(), fileName, reason);
        }
        String parent = exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class);
        if (parent == null || !(exchange.getFromEndpoint() instanceof FileEndpoint)) {
            // a remote file's parent is a folder on the server, not here: the log line is the report
            return;
        }
        Path report = Path.of(parent).resolve("failed").resolve(fileName + ".error.txt");
        String text = "File:     " + fileName + "\n"
                + "Time:     " + clock.instant() + "\n"
                + "Problem:  " + reason + "\n"
                + "Nothing from this file was imported. Fix the file and drop it into the campaign folder again.\n";
        try {
            Files.createDirectories(report.getParent());
            Files.writeString(report, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Could not write the error report {}: {}", report, e.getMessage());
        }
    }
}
