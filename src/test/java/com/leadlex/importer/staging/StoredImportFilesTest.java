package com.leadlex.importer.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.IndependentWrites;
import com.leadlex.importer.system.ManualClock;
import com.leadlex.importer.system.ManualTimeConfiguration;

/**
 * An import's files in the database, in parts: what goes in comes out byte for byte, however many
 * parts it takes; a file that is not there says so; removal removes; and a node's copy is restored
 * whole or not at all. A JDBC slice on an in-memory H2 migrated by Flyway.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:stored-files-slice;DB_CLOSE_DELAY=-1")
@Import({StoredImportFiles.class, ImportDirectories.class, IndependentWrites.class, ManualTimeConfiguration.class,
        StoredImportFilesTest.Settings.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class StoredImportFilesTest {

    @TempDir
    static Path dataDir;

    @Autowired
    StoredImportFiles stored;
    @Autowired
    ImportDirectories directories;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManualClock clock;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("importer.data-dir", dataDir::toString);
    }

    @Test
    void aFileOfSeveralPartsComesBackByteForByte() throws IOException {
        String name = directoryName();
        ImportFiles files = stagedFiles(name, 120_000);

        stored.store(name, files, ImportFiles.STAGED);

        assertThat(parts(name, ImportFiles.SPOOL)).as("4.4 MB of random IDs, about 2.5 MB gzipped, in 1 MB parts")
                .isGreaterThanOrEqualTo(3);
        for (String fileName : ImportFiles.STAGED) {
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            assertThat(stored.read(name, fileName, in -> in.transferTo(read))).isTrue();
            assertThat(read.toByteArray()).as(fileName).isEqualTo(Files.readAllBytes(files.file(fileName)));
        }
    }

    @Test
    void aFileThatIsNotStoredIsReportedMissingAndNothingIsWritten() throws IOException {
        String name = directoryName();
        stored.store(name, stagedFiles(name, 10), List.of(ImportFiles.SPOOL));
        Path target = dataDir.resolve("elsewhere").resolve("results.csv");

        assertThat(stored.has(name, ImportFiles.RESULTS)).isFalse();
        assertThat(stored.read(name, ImportFiles.RESULTS, in -> { throw new AssertionError("not called"); }))
                .isFalse();
        assertThat(stored.restore(name, ImportFiles.RESULTS, target)).isFalse();
        assertThat(stored.restore("never-stored", ImportFiles.SPOOL, target)).isFalse();
        assertThat(target).doesNotExist();
    }

    @Test
    void removedFilesAreGoneAndTheOthersStay() throws IOException {
        String name = directoryName();
        stored.store(name, stagedFiles(name, 1_000), ImportFiles.STAGED);

        stored.remove(name, ImportFiles.STAGED_IDS);

        assertThat(stored.has(name, ImportFiles.SPOOL)).isFalse();
        assertThat(stored.has(name, ImportFiles.SPOOL_LINES)).isFalse();
        assertThat(stored.has(name, ImportFiles.REJECTS)).isTrue();
        assertThat(parts(name, ImportFiles.SPOOL)).isZero();

        stored.removeAll(name);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM IMPORT_FILE WHERE STAGING_DIR = ?", Integer.class,
                name)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM IMPORT_FILE_PART", Integer.class))
                .as("no part of any file removed so far").isEqualTo(partsOfFilesStillThere());
    }

    @Test
    void storingAFileAgainReplacesAllItsParts() throws IOException {
        String name = directoryName();
        ImportFiles files = stagedFiles(name, 120_000);
        stored.store(name, files, List.of(ImportFiles.SPOOL));
        Files.writeString(files.spool(), "short\n");

        stored.store(name, files, List.of(ImportFiles.SPOOL));

        assertThat(parts(name, ImportFiles.SPOOL)).isEqualTo(1);
        assertThat(read(name, ImportFiles.SPOOL)).isEqualTo("short\n");
    }

    @Test
    void aStoreOrARemovalThatACrashInterruptedIsNeverReadAndIsFinishedOffLater() throws IOException {
        String name = directoryName();
        stored.store(name, stagedFiles(name, 60_000), List.of(ImportFiles.SPOOL, ImportFiles.REJECTS));
        // killed while writing a new spool (two parts in), and while removing the rejects
        jdbc.update("INSERT INTO IMPORT_FILE (CONTENT_ID, STAGING_DIR, FILE_NAME, STATE, STORED_AT) "
                + "VALUES ('half-written', ?, ?, 'writing', ?)", name, ImportFiles.SPOOL, clock.instant()
                        .atOffset(java.time.ZoneOffset.UTC));
        jdbc.update("INSERT INTO IMPORT_FILE_PART (CONTENT_ID, PART_NUMBER, BYTES) VALUES ('half-written', 0, ?), "
                + "('half-written', 1, ?)", new byte[] {1}, new byte[] {2});
        jdbc.update("UPDATE IMPORT_FILE SET STATE = 'deleting' WHERE STAGING_DIR = ? AND FILE_NAME = ?", name,
                ImportFiles.REJECTS);
        String before = read(name, ImportFiles.SPOOL);

        assertThat(read(name, ImportFiles.SPOOL)).as("the stored version, not the half-written one").isEqualTo(before)
                .hasSize(60_000 * 37);
        assertThat(stored.has(name, ImportFiles.REJECTS)).isFalse();

        assertThat(stored.finishInterrupted(clock.instant())).as("a write begun just now may still be going on")
                .isEqualTo(1);
        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(stored.finishInterrupted(clock.instant())).isEqualTo(1);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM IMPORT_FILE WHERE STAGING_DIR = ?", Integer.class, name))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM IMPORT_FILE_PART WHERE CONTENT_ID = 'half-written'",
                Integer.class)).isZero();
        assertThat(read(name, ImportFiles.SPOOL)).isEqualTo(before);
    }

    @Test
    void aNodeWithoutTheDirectoryRestoresItFromTheDatabase() throws IOException {
        String name = directoryName();
        ImportFiles staged = stagedFiles(name, 50_000);
        byte[] spool = Files.readAllBytes(staged.spool());
        stored.store(name, staged, ImportFiles.STAGED);
        directories.deleteLocal(name);

        ImportFiles restored = directories.withLocalCopy(name, ImportFiles.STAGED);

        assertThat(restored.directory()).isEqualTo(dataDir.resolve("imports").resolve(name));
        assertThat(Files.readAllBytes(restored.spool())).isEqualTo(spool);
        assertThat(listing(restored.directory())).containsExactlyInAnyOrderElementsOf(ImportFiles.STAGED);
    }

    @Test
    void aFileThatCannotBeRestoredWholeLeavesNothingBehind() throws IOException {
        String name = directoryName();
        stored.store(name, stagedFiles(name, 120_000), ImportFiles.STAGED);
        directories.deleteLocal(name);
        // a part lost in the middle: the gzip stream ends early
        jdbc.update("DELETE FROM IMPORT_FILE_PART WHERE PART_NUMBER = 1 AND CONTENT_ID = (SELECT CONTENT_ID "
                + "FROM IMPORT_FILE WHERE STAGING_DIR = ? AND FILE_NAME = ?)", name, ImportFiles.SPOOL);

        assertThatThrownBy(() -> directories.withLocalCopy(name, List.of(ImportFiles.SPOOL)))
                .isInstanceOf(UncheckedIOException.class);

        Path directory = directories.local(name).directory();
        assertThat(listing(directory)).as("neither a partial spool nor a temporary file").isEmpty();
    }

    @Test
    void aFileInNeitherPlaceIsNamedInTheFailure() {
        String name = directoryName();

        assertThatThrownBy(() -> directories.withLocalCopy(name, List.of(ImportFiles.SPOOL)))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("spool.txt of import directory " + name)
                .hasMessageContaining("nor in the database");
    }

    @Test
    void directoriesOfEarlierVersionsAreKnownByTheirLastPathElement() {
        assertThat(ImportDirectories.nameOf("/srv/importer/data/imports/20261126-100000-ab12cd34"))
                .isEqualTo("20261126-100000-ab12cd34");
        assertThat(ImportDirectories.nameOf("C:\\importer\\data\\imports\\x1")).isEqualTo("x1");
        assertThat(ImportDirectories.nameOf("20261126-100000-ab12cd34")).isEqualTo("20261126-100000-ab12cd34");
        assertThatThrownBy(() -> directories.local("..")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A staged directory on this node: {@code ids} random IDs in the spool and small other files. */
    private ImportFiles stagedFiles(String name, int ids) throws IOException {
        ImportFiles files = directories.local(name);
        Files.createDirectories(files.directory());
        List<String> spool = new ArrayList<>(ids);
        List<String> lines = new ArrayList<>(ids);
        for (int i = 0; i < ids; i++) {
            spool.add(UUID.randomUUID().toString());
            lines.add(Integer.toString(i + 2));
        }
        Files.write(files.spool(), spool, StandardCharsets.UTF_8);
        Files.write(files.spoolLines(), lines, StandardCharsets.UTF_8);
        Files.writeString(files.rejects(), "line,value,reason\n1,nope,not a UUID\n");
        Files.writeString(files.duplicates(), "line,contact_id,first_line\n");
        Files.writeString(files.emails(), "line,email,full_name\n");
        return files;
    }

    private String read(String name, String fileName) {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        stored.read(name, fileName, in -> in.transferTo(read));
        return read.toString(StandardCharsets.UTF_8);
    }

    private int parts(String name, String fileName) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM IMPORT_FILE_PART P JOIN IMPORT_FILE F "
                + "ON F.CONTENT_ID = P.CONTENT_ID WHERE F.STAGING_DIR = ? AND F.FILE_NAME = ?", Integer.class, name,
                fileName);
    }

    private int partsOfFilesStillThere() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(PARTS), 0) FROM IMPORT_FILE WHERE STATE = 'stored'",
                Integer.class);
    }

    private static List<String> listing(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static String directoryName() {
        return "20261126-100000-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ImporterProperties.class)
    static class Settings {
    }
}
