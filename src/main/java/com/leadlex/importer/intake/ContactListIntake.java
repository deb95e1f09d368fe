package com.leadlex.importer.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.leadlex.importer.importjob.ImportLauncher;
import com.leadlex.importer.importjob.ImportRequest;
import com.leadlex.importer.importjob.LaunchResult;
import com.leadlex.importer.staging.ContactListRejectedException;
import com.leadlex.importer.staging.ContactListStager;
import com.leadlex.importer.staging.StagedList;
import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.StartupState;

/**
 * The one way in for every source: check the destination, stage the list into its own directory
 * under {@code importer.data-dir}, and hand it to the launcher. After this returns the source file
 * is no longer needed: the import reads only the staged spool.
 */
@Component
public class ContactListIntake {

    private static final DateTimeFormatter DIRECTORY_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final ContactListStager stager;
    private final ImportLauncher launcher;
    private final ImporterProperties properties;
    private final Clock clock;
    private final StartupState startup;

    public ContactListIntake(ContactListStager stager, ImportLauncher launcher, ImporterProperties properties,
            Clock clock, StartupState startup) {
        this.startup = startup;
        this.stager = stager;
        this.launcher = launcher;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws ContactListRejectedException when the campaign ID or the list is unusable; nothing is imported
     * @throws ImporterStartingException   when start-up recovery has not finished yet; nothing is imported
     */
    public IntakeResult accept(InputStream content, String fileName, String campaignId, String sourceName,
            boolean force, boolean foreground) {
        if (!startup.isComplete()) {
            throw new ImporterStartingException();
        }
        CampaignIds.requireValid(campaignId);
        Path stagingDir = properties.importsDir().resolve(DIRECTORY_STAMP.format(clock.instant()) + "-"
                + UUID.randomUUID().toString().substring(0, 8));
        StagedList staged = stager.stage(content, fileName, stagingDir);
        if (staged.validUnique() == 0) {
            deleteStagingDirectory(stagingDir);
            throw new ContactListRejectedException(String.format(
                    "no valid contact IDs in %s: %d row(s) read, %d invalid, %d duplicate(s); contact IDs must be UUIDs",
                    fileName, staged.rowsRead(), staged.invalid(), staged.duplicates()));
        }
        ImportRequest request = new ImportRequest(campaignId, sourceName, fileName,
                properties.sourceTagFor(sourceName, fileName), force);
        LaunchResult launch = launcher.submit(staged, request, foreground);
        if (launch.disposition() == LaunchResult.Disposition.RESUMED
                || launch.disposition() == LaunchResult.Disposition.ALREADY_RUNNING) {
            // the earlier import goes on with its own staged copy: this one would only fill the disk
            deleteStagingDirectory(stagingDir);
        }
        return new IntakeResult(staged, launch);
    }

    /** A list that starts no import of its own leaves nothing behind on disk. */
    private static void deleteStagingDirectory(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
