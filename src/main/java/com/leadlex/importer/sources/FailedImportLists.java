package com.leadlex.importer.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.leadlex.importer.importjob.ImportEndedEvent;
import com.leadlex.importer.importjob.ImportSummary;
import com.leadlex.importer.ledger.ImportStatus;

/**
 * Takes the list of a failed import from done/ to failed/, with its report beside it: an operator
 * looks for failures in failed/ (and in the rejected files), and a list in done/ says "handled".
 * A list is moved only when this process moved it to done/ ({@link SourceFileTargets}); after a
 * restart in between, the failure shows in the imports API and the notifications alone. Never fails
 * the import's own ending: trouble moving the file is one WARN line.
 */
@Component
class FailedImportLists {

    private static final Logger log = LoggerFactory.getLogger(FailedImportLists.class);

    private final SourceFileTargets targets;
    private final StagingFailureReport report;

    FailedImportLists(SourceFileTargets targets, StagingFailureReport report) {
        this.targets = targets;
        this.report = report;
    }

    @EventListener
    void importEnded(ImportEndedEvent event) {
        ImportSummary summary = event.summary();
        if (summary.status() != ImportStatus.FAILED) {
            return;
        }
        String reason = summary.lastErrorCode() == null ? String.valueOf(summary.lastError())
                : summary.lastErrorCode() + ": " + summary.lastError();
        targets.importFailed(summary.id(), reason).ifPresent(placed -> {
            Path done = placed.file();
            Path failed = FreeFileNames.in(done.getParent().resolveSibling("failed"), placed.fileName());
            try {
                Files.createDirectories(failed.getParent());
                Files.move(done, failed);
            } catch (IOException e) {
                log.warn("Import {} failed ({}), but its list {} could not be moved to {}: {}", summary.id(), reason,
                        done, failed, e.toString());
                return;
            }
            report.importFailed(new SourceFileTargets.Placement(placed.routeId(), placed.campaignId(),
                    placed.fileName(), failed, placed.fileKey(), placed.takenFiles()), summary.id(), reason);
        });
    }
}
