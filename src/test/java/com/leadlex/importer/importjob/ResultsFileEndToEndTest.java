package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import com.leadlex.importer.ledger.ChunkOutcomeFiles;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportEmailRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportResultsWriter;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.staging.ImportDirectories;
import com.leadlex.importer.staging.StoredImportFiles;

/**
 * Results are never lost: a results file that cannot be written (the disk is full) leaves a
 * finished import finished, says so in one line on the import, and is written again from the
 * ledger on request, as often as wanted.
 */
@Import(ResultsFileEndToEndTest.FullDiskConfiguration.class)
class ResultsFileEndToEndTest extends ImportIntegrationTest {

    @Autowired
    AtomicBoolean diskFull;

    @LocalServerPort
    int port;

    @Test
    void aFullDiskAtTheEndLeavesTheImportCompletedAndItsResultsCanBeWrittenAgain() throws Exception {
        sandbox.createCampaign("cmp_results_disk");
        diskFull.set(true);

        ImportRecord done = importNow(csvList("disk.csv", newIds(30)), "cmp_results_disk", false);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.lastError()).contains("results.csv could not be written").contains("No space left on device")
                .contains("POST /api/imports/" + done.id() + "/results");
        Path results = resultsFile(done);
        assertThat(results).doesNotExist();

        diskFull.set(false);
        HttpResponse<String> written = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/imports/" + done.id() + "/results"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        assertThat(Files.readAllLines(results)).hasSize(31).filteredOn(line -> line.contains(",added,")).hasSize(30);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FullDiskConfiguration {

        @Bean
        AtomicBoolean diskFull() {
            return new AtomicBoolean();
        }

        /** The real writer, whose file cannot be opened while {@code diskFull} is set. */
        @Bean
        @Primary
        ImportResultsWriter fullDiskResultsWriter(ChunkOutcomeFiles outcomes, ImportChunkRepository chunks,
                ImportDirectories directories, StoredImportFiles stored, ImportEmailRepository emails,
                AtomicBoolean diskFull) {
            return new ImportResultsWriter(outcomes, chunks, directories, stored, emails) {
                @Override
                protected Writer openForWriting(Path file) throws IOException {
                    if (diskFull.get()) {
                        throw new IOException("No space left on device");
                    }
                    return super.openForWriting(file);
                }
            };
        }
    }
}
