package com.leadlex.importer.importjob;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.leadlex.importer.intake.ContactListIntake;
import com.leadlex.importer.intake.IntakeResult;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportResultsWriter;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.ManualClock;
import com.leadlex.importer.system.ManualTimeConfiguration;
import com.leadlex.importer.system.PostgresTestDatabase;
import com.leadlex.importer.system.TestDatabase;
import com.leadlex.importer.system.TestDirectories;

/**
 * The whole importer, on a real web server, talking real HTTP to its own sandbox, with a database
 * of its own per context (an H2 file, or a fresh PostgreSQL schema in the build's PostgreSQL run,
 * see {@link TestDatabase}) and every wait running on a manual clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leadlex.sandbox.enabled=true",
        "leadlex.base-url=http://127.0.0.1:${local.server.port}/sandbox",
        "leadlex.api-key=wbk_sandbox_unmetered",
        "leadlex.plan=unmetered",
        "leadlex.max-attempts=3",
        "importer.resume-poll-interval=100ms",
        "importer.resume-interrupted-on-startup=false",
        // the tests written before small lists were pooled drop small lists and expect an import of each;
        // PooledListsEndToEndTest turns pooling on
        "importer.pool.below=0"})
@Import(ManualTimeConfiguration.class)
public abstract class ImportIntegrationTest {

    @Autowired
    protected ContactListIntake intake;
    @Autowired
    protected SandboxLeadLex sandbox;
    @Autowired
    protected ImportRepository imports;
    @Autowired
    protected ImportChunkRepository chunks;
    @Autowired
    protected ImportSummaries summaries;
    @Autowired
    protected ManualClock clock;
    @Autowired
    protected ImporterProperties properties;
    @Autowired
    protected ImportResultsWriter resultsWriter;

    /**
     * Each context gets directories of its own. Contexts are cached and outlive their test class,
     * so a test must ask its own context where they are ({@link #inbox()}), never a static field.
     */
    @DynamicPropertySource
    static void ownDirectoriesAndDatabase(DynamicPropertyRegistry registry) throws IOException, SQLException {
        TestDirectories.register(registry);
        TestDatabase.register(registry);
    }

    @BeforeAll
    static void databaseOfThisRunIsThere() {
        assumeTrue(TestDatabase.usable(), "no PostgreSQL at " + PostgresTestDatabase.URL + " (required under CI=true)");
    }

    /** The folder that holds this test's application's data and inbox folders. */
    protected Path workDir() {
        return properties.dataDir().getParent();
    }

    /** The inbox folder this test's application watches. */
    protected Path inbox() {
        return properties.inbox();
    }

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    /** {@code count} fresh random contact IDs. */
    protected static List<String> newIds(int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    /** A CSV list with a {@code contact_id} column holding {@code ids}, one per row. */
    protected Path csvList(String name, List<String> ids) {
        StringBuilder csv = new StringBuilder("email,contact_id\n");
        for (int i = 0; i < ids.size(); i++) {
            csv.append("person").append(i).append("@example.com,").append(ids.get(i)).append('\n');
        }
        return write(name, csv.toString());
    }

    protected Path write(String name, String content) {
        try {
            Path file = Files.createDirectories(properties.dataDir().resolveSibling("lists")).resolve(name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports a list in the test's thread, as the command line does, and returns the import's row. */
    protected ImportRecord importNow(Path list, String campaignId, boolean force) {
        IntakeResult result = submit(list, campaignId, force);
        return imports.findById(result.launch().importId()).orElseThrow();
    }

    protected IntakeResult submit(Path list, String campaignId, boolean force) {
        return accept(list, campaignId, force, true);
    }

    /** Starts importing a list on the importer's own threads, as the inbox does, and returns the import's ID. */
    protected long startInBackground(Path list, String campaignId) {
        return accept(list, campaignId, false, false).launch().importId();
    }

    private IntakeResult accept(Path list, String campaignId, boolean force, boolean inThisThread) {
        try (InputStream content = Files.newInputStream(list)) {
            return intake.accept(content, list.getFileName().toString(), campaignId, "test", force, inThisThread);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests the sandbox received for a campaign, oldest first. */
    protected List<ReceivedRequest> requestsFor(String campaignId) {
        return sandbox.receivedRequests().stream().filter(r -> r.campaignId().equals(campaignId)).toList();
    }

    /** Where this test's application wrote the import's results file. */
    protected Path resultsFile(ImportRecord record) {
        return resultsWriter.resultsFile(record);
    }

    protected static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
