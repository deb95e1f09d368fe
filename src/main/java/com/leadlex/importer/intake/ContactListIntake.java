package com.leadlex.importer.intake;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.leadlex.importer.importjob.ImportLauncher;
import com.leadlex.importer.importjob.ImportRequest;
import com.leadlex.importer.importjob.LaunchResult;
import com.leadlex.importer.pool.SmallListPool;
import com.leadlex.importer.staging.ContactListRejectedException;
import com.leadlex.importer.staging.ContactListStager;
import com.leadlex.importer.staging.ImportDirectories;
import com.leadlex.importer.staging.ImportFiles;
import com.leadlex.importer.staging.StagedList;
import com.leadlex.importer.staging.StoredImportFiles;
import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.StartupState;

/**
 * The one way in for every source: check the destination, stage the list into its own directory
 * under {@code importer.data-dir}, store the staged files in the database (so any node can run the
 * import), and hand it to the launcher. After this returns the source file is no longer needed: the
 * import reads only the staged spool, and the list is acknowledged only once it is stored. A small
 * list from a source that pools goes to its campaign's pool instead, registered as its own import.
 */
@Component
public class ContactListIntake {

    private static final Logger log = LoggerFactory.getLogger(ContactListIntake.class);

    private static final DateTimeFormatter DIRECTORY_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final ContactListStager stager;
    private final ImportLauncher launcher;
    private final ImporterProperties properties;
    private final Clock clock;
    private final StartupState startup;
    private final ImportDirectories directories;
    private final StoredImportFiles stored;
    private final SmallListPool pool;

    public ContactListIntake(ContactListStager stager, ImportLauncher launcher, ImporterProperties properties,
            Clock clock, StartupState startup, ImportDirectories directories, StoredImportFiles stored,
            SmallListPool pool) {
        this.pool = pool;
        this.properties = properties;
        this.startup = startup;
        this.stager = stager;
        this.launcher = launcher;
        this.clock = clock;
        this.directories = directories;
        this.stored = stored;
    }

    /**
     * @throws ContactListRejectedException when the campaign ID or the list is unusable; nothing is imported
     * @throws ImporterStartingException   when start-up recovery has not finished yet; nothing is imported
     */
    public IntakeResult accept(InputStream content, String fileName, String campaignId, String sourceName,
            boolean force, boolean foreground) {
        return accept(content, fileName, campaignId, sourceName, force, foreground, 0);
    }

    /**
     * As {@link #accept(InputStream, String, String, String, boolean, boolean)}, but a list with fewer valid
     * IDs than {@code poolBelow} (and no e-mail rows) joins its campaign's pool ({@link SmallListPool}) instead
     * of launching an import of its own; 0 never pools. Only a background intake pools: a caller that waits
     * for the import's end (the command line) gets an import of its own.
     */
    public IntakeResult accept(InputStream content, String fileName, String campaignId, String sourceName,
            boolean force, boolean foreground, int poolBelow) {
        if (!startup.isComplete()) {
            throw new ImporterStartingException();
        }
        CampaignIds.requireValid(campaignId);
        String directoryName = DIRECTORY_STAMP.format(clock.instant()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Path stagingDir = directories.local(directoryName).directory();
        StagedList staged = stager.stage(content, fileName, stagingDir);
        if (staged.validUnique() == 0) {
            directories.deleteLocal(directoryName);
            throw new ContactListRejectedException(String.format(
                    "no valid contact IDs in %s: %d row(s) read, %d invalid, %d duplicate(s); contact IDs must be UUIDs",
                    fileName, staged.rowsRead(), staged.invalid(), staged.duplicates()));
        }
        store(directoryName);
        ImportRequest request = new ImportRequest(campaignId, sourceName, fileName,
                properties.sourceTagFor(sourceName, fileName), force);
        LaunchResult launch = !foreground && SmallListPool.fits(staged, poolBelow)
                ? pool.join(staged, request)
                : launcher.submit(staged, request, foreground);
        if (launch.disposition() == LaunchResult.Disposition.RESUMED
                || launch.disposition() == LaunchResult.Disposition.ALREADY_RUNNING) {
            // the earlier import goes on with its own staged copy: this one would only fill disk and database
            stored.removeAll(directoryName);
            directories.deleteLocal(directoryName);
        }
        return new IntakeResult(staged, launch);
    }

    /** Acknowledged means stored: a list the database does not hold is not accepted, and leaves nothing behind. */
    private void store(String directoryName) {
        long started = System.nanoTime();
        try {
            stored.store(directoryName, directories.local(directoryName), ImportFiles.STAGED);
        } catch (RuntimeException e) {
            directories.deleteLocal(directoryName);
            throw e;
        }
        log.debug("Stored import directory {} in the database in {} ms", directoryName,
                (System.nanoTime() - started) / 1_000_000);
    }
}
