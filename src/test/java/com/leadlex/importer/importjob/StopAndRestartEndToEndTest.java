package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.web.ApiClient;

/**
 * Stop and restart over the API, on the Spring Batch version in use: a stop lets the chunk in flight
 * finish and sends nothing more, the execution ends STOPPED (not UNKNOWN), and a restart goes on from
 * the next chunk, twice over, until every contact is enrolled with no chunk sent twice.
 */
class StopAndRestartEndToEndTest extends SlowSandboxIntegrationTest {

    private static final String CAMPAIGN = "cmp_stop_restart";
    private static final int IDS = 1_500;
    private static final int CHUNKS = 30;

    @Value("${local.server.port}")
    int port;
    @Autowired
    JobRepository jobRepository;

    @Test
    void aStoppedImportFinishesItsChunkAndARestartGoesOnFromTheNextOne() {
        sandbox.createCampaign(CAMPAIGN);
        ApiClient api = ApiClient.anonymous(port);
        long id = startInBackground(csvList("stop-me.csv", newIds(IDS)), CAMPAIGN);

        int firstStop = stopAfter(api, id, 2);
        restart(api, id);
        int secondStop = stopAfter(api, id, firstStop + 2);
        assertThat(secondStop).isGreaterThan(firstStop);

        restart(api, id);
        await().atMost(Duration.ofSeconds(60)).until(() -> record(id).status() == ImportStatus.COMPLETED);

        ImportSummary done = summaries.describe(record(id));
        assertThat(done.added()).isEqualTo(IDS);
        assertThat(done.alreadyEnrolled()).isZero();
        assertThat(done.chunksDone()).isEqualTo(CHUNKS);
        assertThat(done.requests()).isEqualTo(CHUNKS);
        assertThat(requestsFor(CAMPAIGN)).hasSize(CHUNKS);
        assertThat(sandbox.enrolledCount(CAMPAIGN)).isEqualTo(IDS);
        assertThat(chunks.findByImport(id)).extracting(ChunkRecord::status).containsOnly(ChunkStatus.SENT);
        assertThat(api.post("/api/imports/" + id + "/restart").statusCode()).isEqualTo(409);
    }

    /** Stops the import once {@code chunksDone} chunks are in, and checks where it stopped. */
    private int stopAfter(ApiClient api, long id, int chunksDone) {
        await().atMost(Duration.ofSeconds(30)).until(() -> chunks.progress(id).chunksDone() >= chunksDone);
        assertThat(api.post("/api/imports/" + id + "/stop").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> record(id).status() == ImportStatus.STOPPED);

        ImportRecord stopped = record(id);
        int done = chunks.progress(id).chunksDone();
        assertThat(done).isBetween(chunksDone, CHUNKS - 1);
        List<ChunkRecord> ledger = chunks.findByImport(id);
        assertThat(ledger).hasSize(done).extracting(ChunkRecord::status).containsOnly(ChunkStatus.SENT);
        assertThat(sandbox.enrolledCount(CAMPAIGN)).isEqualTo(done * 50);
        assertThat(requestsFor(CAMPAIGN)).hasSize(done);
        assertThat(jobRepository.getJobExecution(stopped.jobExecutionId()).getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(stopped.lastError()).contains("Stopped by an operator");
        assertThat(lines(resultsFile(stopped)))
                .anyMatch(line -> line.contains(",not_sent,import was stopped before this chunk"));
        return done;
    }

    /** Restarts, allowing for the moment between the import's STOPPED and its execution's end (409 "winding down"). */
    private static void restart(ApiClient api, long id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> api.post("/api/imports/" + id + "/restart").statusCode() == 202);
    }

    private ImportRecord record(long id) {
        return imports.findById(id).orElseThrow();
    }
}
