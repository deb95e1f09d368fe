package com.leadlex.importer.importjob;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.staging.ImportDirectories;
import com.leadlex.importer.staging.ImportFiles;
import com.leadlex.importer.staging.StagingProperties;
import com.leadlex.importer.staging.StoredImportFiles;
import com.leadlex.importer.system.StartupState;
import com.leadlex.importer.system.TransientDatabaseFailures;

/**
 * Removes staged IDs once nobody needs them: {@code importer.staging.retention} after an import ended
 * (completed, failed, stopped, or already imported), once its results are stored. The database's copy
 * goes first (any node may do it; the first records when), then each node's working copy of the
 * directory. The results stay in the database as long as the import is registered, and so do the
 * rejected rows of a list that was already imported (it has no results). Lists stored by an intake
 * that never registered them (it died, or the database went away in between) are removed after the
 * same time, and files whose storing or removal a crash interrupted are finished off. Every node runs
 * this on its own schedule; a run that finds the database away logs it and the next run tries again.
 */
@Component
@ConditionalOnProperty(name = "importer.cli.command", matchIfMissing = true, havingValue = "none")
public class StagedIdsRetention {

    private static final Logger log = LoggerFactory.getLogger(StagedIdsRetention.class);
    private static final int IMPORTS_PER_RUN = 100;
    /** A list being staged or registered right now is never taken for one that never will be, whatever the retention. */
    private static final Duration UNREGISTERED_GRACE = Duration.ofHours(1);

    private final ImportRepository imports;
    private final StoredImportFiles stored;
    private final ImportDirectories directories;
    private final Duration retention;
    private final Clock clock;
    private final StartupState startup;

    public StagedIdsRetention(ImportRepository imports, StoredImportFiles stored, ImportDirectories directories,
            StagingProperties properties, Clock clock, StartupState startup) {
        this.imports = imports;
        this.stored = stored;
        this.directories = directories;
        this.retention = properties.retention();
        this.clock = clock;
        this.startup = startup;
    }

    @Scheduled(fixedDelayString = "${importer.staging.cleanup-interval:1h}", initialDelay = 60_000)
    void scheduled() {
        if (!startup.isComplete()) {
            return;
        }
        try {
            removeExpired();
        } catch (RuntimeException e) {
            log.warn("Could not remove staged IDs past their retention (is the database away?): {}; the next run "
                    + "tries again", TransientDatabaseFailures.describe(e));
        }
    }

    /** One run: the database's copies first, then this node's. */
    public Removed removeExpired() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(retention);
        Instant unregisteredCutoff = now.minus(retention.compareTo(UNREGISTERED_GRACE) > 0 ? retention
                : UNREGISTERED_GRACE);
        int fromDatabase = removeFromDatabase(cutoff);
        stored.finishInterrupted(now.minus(UNREGISTERED_GRACE));
        int unregistered = removeUnregistered(unregisteredCutoff);
        int local = removeLocalCopies(unregisteredCutoff);
        if (fromDatabase + unregistered + local > 0) {
            log.info("Staged IDs past their retention ({} after an import ended) removed: {} import(s) in the "
                    + "database, {} list(s) stored but never registered, {} import directories on this node",
                    retention, fromDatabase, unregistered, local);
        }
        return new Removed(fromDatabase, unregistered, local);
    }

    private int removeFromDatabase(Instant cutoff) {
        int removed = 0;
        for (ImportRecord due : imports.findStagedIdsDue(cutoff, IMPORTS_PER_RUN)) {
            // recorded first: an operator's restart a moment ago wins, and one after it is refused
            if (imports.markStagedIdsRemoved(due.id(), due.status(), cutoff)) {
                // a list already imported has no results: its rejected rows stay readable from its own files
                stored.remove(due.stagingName(), due.status() == ImportStatus.ALREADY_IMPORTED
                        ? ImportFiles.STAGED_IDS : java.util.stream.Stream.concat(ImportFiles.STAGED.stream(),
                                ImportFiles.STAGED_IDS.stream()).distinct().toList());
                removed++;
            }
        }
        return removed;
    }

    private int removeUnregistered(Instant cutoff) {
        int removed = 0;
        for (String name : stored.namesWithStagedIdsStoredBefore(cutoff)) {
            if (imports.findByStagingName(name).isEmpty()) {
                log.info("Import directory {} was stored but never registered as an import; removing it", name);
                stored.removeAll(name);
                removed++;
            }
        }
        return removed;
    }

    /**
     * This node's copies of directories whose staged IDs were removed from the database, and of lists
     * never registered; a directory of an import still going on, or staged just now, is left alone.
     */
    private int removeLocalCopies(Instant unregisteredCutoff) {
        int removed = 0;
        for (String name : directories.localNames()) {
            var registered = imports.findByStagingName(name);
            boolean expired = registered.map(record -> record.stagedIdsRemovedAt() != null)
                    .orElseGet(() -> directories.lastModified(name).isBefore(unregisteredCutoff));
            if (expired) {
                directories.deleteLocal(name);
                removed++;
            }
        }
        return removed;
    }

    /**
     * What one run removed.
     *
     * @param fromDatabase imports whose staged IDs were removed from the database
     * @param unregistered lists stored in the database but never registered as imports
     * @param local        import directories removed from this node
     */
    public record Removed(int fromDatabase, int unregistered, int local) {
    }
}
