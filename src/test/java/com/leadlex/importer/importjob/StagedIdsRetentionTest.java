package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.ledger.NewImport;
import com.leadlex.importer.staging.ImportDirectories;
import com.leadlex.importer.staging.ImportFiles;
import com.leadlex.importer.staging.StagingProperties;
import com.leadlex.importer.staging.StoredImportFiles;
import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.IndependentWrites;
import com.leadlex.importer.system.ManualClock;
import com.leadlex.importer.system.ManualTimeConfiguration;
import com.leadlex.importer.system.StartupState;

/**
 * Staged IDs are kept while an import may still need them and removed {@code importer.staging.retention}
 * after it ended, once its results are stored: from the database and from this node's copy. Results
 * stay; a list already imported keeps its rejected rows; a list stored but never registered goes too.
 * A JDBC slice on an in-memory H2, on a manual clock.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:retention-slice;DB_CLOSE_DELAY=-1",
        "importer.staging.retention=7d"})
@Import({StagedIdsRetention.class, ImportSpools.class, ImportRepository.class, StoredImportFiles.class,
        ImportDirectories.class, IndependentWrites.class, StartupState.class, ManualTimeConfiguration.class,
        StagedIdsRetentionTest.Settings.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class StagedIdsRetentionTest {

    @TempDir
    static Path dataDir;

    @Autowired
    StagedIdsRetention retention;
    @Autowired
    ImportSpools spools;
    @Autowired
    ImportRepository imports;
    @Autowired
    StoredImportFiles stored;
    @Autowired
    ImportDirectories directories;
    @Autowired
    ManualClock clock;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("importer.data-dir", dataDir::toString);
    }

    @Test
    void stagedIdsGoRetentionAfterTheImportEndedOnceItsResultsAreStoredAndTheResultsStay() throws IOException {
        ImportRecord completedLongAgo = anImport(ImportStatus.COMPLETED, true);
        ImportRecord failedWithoutResults = anImport(ImportStatus.FAILED, false);
        ImportRecord alreadyImported = anImport(ImportStatus.ALREADY_IMPORTED, false);
        clock.advance(Duration.ofDays(6));
        ImportRecord completedLately = anImport(ImportStatus.COMPLETED, true);
        clock.advance(Duration.ofDays(2));

        StagedIdsRetention.Removed removed = retention.removeExpired();

        assertThat(removed.fromDatabase()).isEqualTo(2);
        assertStagedIdsGone(completedLongAgo);
        assertThat(stored.has(completedLongAgo.stagingName(), ImportFiles.REJECTS)).as("in results.csv").isFalse();
        assertThat(stored.has(completedLongAgo.stagingName(), ImportFiles.RESULTS)).isTrue();

        assertStagedIdsGone(alreadyImported);
        assertThat(stored.has(alreadyImported.stagingName(), ImportFiles.REJECTS))
                .as("its only record of its rejected rows").isTrue();

        for (ImportRecord kept : List.of(failedWithoutResults, completedLately)) {
            assertThat(imports.findById(kept.id()).orElseThrow().stagedIdsRemovedAt()).isNull();
            assertThat(stored.has(kept.stagingName(), ImportFiles.SPOOL)).isTrue();
            assertThat(directories.local(kept.stagingName()).spool()).exists();
        }
        assertThat(retention.removeExpired()).as("nothing more to do").isEqualTo(new StagedIdsRetention.Removed(0, 0, 0));
    }

    @Test
    void anImportWhoseStagedIdsWereRemovedCannotBeRunAgainAndSaysWhy() throws IOException {
        ImportRecord failed = anImport(ImportStatus.FAILED, true);
        clock.advance(Duration.ofDays(8));
        retention.removeExpired();

        assertThatThrownBy(() -> spools.localSpool(failed.id(), null)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("staged IDs of import " + failed.id() + " were removed")
                .hasMessageContaining("importer.staging.retention");
    }

    @Test
    void anImportRestartedBeforeTheCleanerGotToItKeepsItsStagedIds() throws IOException {
        ImportRecord stopped = anImport(ImportStatus.STOPPED, true);
        clock.advance(Duration.ofDays(8));
        imports.markQueued(stopped.id());

        retention.removeExpired();

        assertThat(stored.has(stopped.stagingName(), ImportFiles.SPOOL)).isTrue();
        assertThat(spools.localSpool(stopped.id(), null)).exists();
    }

    @Test
    void aListStoredButNeverRegisteredGoesAfterTheRetentionAndOneBeingStagedNowStays() throws IOException {
        String abandoned = storedList();
        Path abandonedCopy = directories.local(abandoned).directory();
        clock.advance(Duration.ofDays(8));
        String fresh = storedList();
        Files.setLastModifiedTime(abandonedCopy, FileTime.from(clock.instant().minus(Duration.ofDays(8))));
        Files.setLastModifiedTime(directories.local(fresh).directory(), FileTime.from(clock.instant()));

        StagedIdsRetention.Removed removed = retention.removeExpired();

        assertThat(removed.unregistered()).isEqualTo(1);
        assertThat(stored.has(abandoned, ImportFiles.SPOOL)).isFalse();
        assertThat(abandonedCopy).doesNotExist();
        assertThat(stored.has(fresh, ImportFiles.SPOOL)).isTrue();
        assertThat(directories.local(fresh).spool()).exists();
    }

    private void assertStagedIdsGone(ImportRecord record) {
        assertThat(imports.findById(record.id()).orElseThrow().stagedIdsRemovedAt()).isNotNull();
        assertThat(stored.has(record.stagingName(), ImportFiles.SPOOL)).isFalse();
        assertThat(stored.has(record.stagingName(), ImportFiles.SPOOL_LINES)).isFalse();
        assertThat(directories.local(record.stagingName()).directory()).as("this node's copy").doesNotExist();
    }

    /** An import as intake and its run leave it: staged files stored, ended now, with or without results. */
    private ImportRecord anImport(ImportStatus ended, boolean resultsStored) throws IOException {
        String name = storedList();
        ImportFiles files = directories.local(name);
        long id = imports.insert(new NewImport("cmp_retention", "test", "list.txt", null, files.directory(),
                "hash-" + name, ended == ImportStatus.ALREADY_IMPORTED ? ended : ImportStatus.QUEUED, 3, 2, 1, 0, 500,
                null));
        if (ended != ImportStatus.ALREADY_IMPORTED) {
            imports.markEnded(id, ended, null, null);
        }
        if (resultsStored) {
            Files.writeString(files.results(), "line,contact_id,outcome,reason,chunk\n");
            stored.store(name, files, List.of(ImportFiles.RESULTS));
        }
        return imports.findById(id).orElseThrow();
    }

    private String storedList() throws IOException {
        String name = "20261126-100000-" + UUID.randomUUID().toString().substring(0, 8);
        ImportFiles files = directories.local(name);
        Files.createDirectories(files.directory());
        Files.writeString(files.spool(), UUID.randomUUID() + "\n" + UUID.randomUUID() + "\n");
        Files.writeString(files.spoolLines(), "1\n3\n");
        Files.writeString(files.rejects(), "line,value,reason\n2,nope,not a UUID\n");
        Files.writeString(files.emails(), "line,email,full_name\n");
        Files.writeString(files.duplicates(), "line,contact_id,first_line\n");
        stored.store(name, files, ImportFiles.STAGED);
        return name;
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ImporterProperties.class, StagingProperties.class})
    static class Settings {
    }
}
