package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
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

import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.ledger.NewImport;
import com.leadlex.importer.staging.ImportDirectories;
import com.leadlex.importer.staging.ImportFiles;
import com.leadlex.importer.staging.StoredImportFiles;
import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.IndependentWrites;
import com.leadlex.importer.system.ManualTimeConfiguration;

/**
 * The spool the job reads, on whichever node runs it: this node's copy, else restored from the
 * database, else (an execution an earlier version launched) the absolute path it carries; and when
 * there is none, a failure that names what is missing. A JDBC slice on an in-memory H2.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:spools-slice;DB_CLOSE_DELAY=-1")
@Import({ImportSpools.class, ImportRepository.class, StoredImportFiles.class, ImportDirectories.class,
        IndependentWrites.class, ManualTimeConfiguration.class, ImportSpoolsTest.Settings.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ImportSpoolsTest {

    @TempDir
    static Path dataDir;
    @TempDir
    Path elsewhere;

    @Autowired
    ImportSpools spools;
    @Autowired
    ImportRepository imports;
    @Autowired
    StoredImportFiles stored;
    @Autowired
    ImportDirectories directories;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("importer.data-dir", dataDir::toString);
    }

    @Test
    void aNodeWithoutItsOwnCopyReadsTheSpoolRestoredFromTheDatabase() throws IOException {
        String name = directoryName();
        ImportFiles files = directories.local(name);
        Files.createDirectories(files.directory());
        Files.writeString(files.spool(), "0b9a3c52-5f4e-4d1e-9a39-1c2d3e4f5a6b\n");
        stored.store(name, files, List.of(ImportFiles.SPOOL));
        long id = register(name);
        directories.deleteLocal(name);

        Path spool = spools.localSpool(id, null);

        assertThat(spool).isEqualTo(files.spool()).hasContent("0b9a3c52-5f4e-4d1e-9a39-1c2d3e4f5a6b");
    }

    @Test
    void anExecutionOfAnEarlierVersionStillReadsTheSpoolItsParametersName() throws IOException {
        long id = register(directoryName());
        Path earlier = Files.writeString(elsewhere.resolve("spool.txt"), "0b9a3c52-5f4e-4d1e-9a39-1c2d3e4f5a6b\n");

        assertThat(spools.localSpool(id, earlier.toString())).isEqualTo(earlier);
    }

    @Test
    void withoutASpoolAnywhereTheFailureSaysWhatIsMissing() {
        String name = directoryName();
        long id = register(name);

        assertThatThrownBy(() -> spools.localSpool(id, elsewhere.resolve("gone.txt").toString()))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("spool.txt of import directory " + name)
                .hasMessageContaining("nor in the database");
    }

    @Test
    void theSpoolIsReadAtTheChunkSizeTheImportWasRegisteredWithWhateverTheSettingSaysNow() throws IOException {
        // registered at 250 IDs a request; the setting (500) changed before the restart
        String name = directoryName();
        ImportFiles files = directories.local(name);
        Files.createDirectories(files.directory());
        Files.writeString(files.spool(), IntStream.rangeClosed(1, 600).mapToObj(line -> "id-" + line + "\n")
                .collect(Collectors.joining()));
        long id = register(name, 250);
        ExecutionContext pausedAfterFourChunks = new ExecutionContext();
        pausedAfterFourChunks.putInt(SpoolChunkReader.LINES_READ, 500);

        SpoolChunkReader reader = spools.reader(id, null);
        reader.open(pausedAfterFourChunks);
        WindowChunk next = reader.read();
        reader.close();

        assertThat(next.chunkNumber()).as("chunk 3 of 250 lines, not chunk 2 of 500 (booked already)").isEqualTo(3);
        assertThat(next.firstLine()).isEqualTo(501);
        assertThat(next.ids()).hasSize(100);
    }

    private long register(String name) {
        return register(name, 500);
    }

    private long register(String name, int chunkSize) {
        return imports.insert(new NewImport("cmp_spools", "test", "list.txt", null, dataDir.resolve("imports")
                .resolve(name), "hash-" + name, ImportStatus.QUEUED, 1, 1, 0, 0, chunkSize, null));
    }

    private static String directoryName() {
        return "20261126-100000-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ImporterProperties.class)
    static class Settings {
    }
}
