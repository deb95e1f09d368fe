package com.leadlex.importer.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.leadlex.importer.system.IndependentWrites;
import com.leadlex.importer.system.ManualTimeConfiguration;


/**
 * The ledger remembers that an attempt at a chunk may have reached LeadLex, whatever happens to
 * the chunk afterwards, so a later attempt is booked {@code resent} and its {@code added} is not
 * taken for the whole truth. A JDBC slice: the repositories on an in-memory H2 migrated by Flyway,
 * nothing else of the application.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:ledger-slice;DB_CLOSE_DELAY=-1",
        "spring.batch.jdbc.initialize-schema=always"})
@Import({ImportChunkRepository.class, ImportRepository.class, IndependentWrites.class, ManualTimeConfiguration.class})
class ImportChunkRepositoryTest {

    @Autowired
    ImportChunkRepository chunks;
    @Autowired
    ImportRepository imports;

    @Test
    void aChunkInFlightAtACrashThatThenWaitsForQuotaIsStillKnownToHaveMaybeReachedLeadLex() {
        long importId = anImport();
        ChunkStart start = new ChunkStart(importId, 1, 1, 1, 1, 500, 500);
        assertThat(chunks.begin(start)).isEmpty();
        // the process dies here: the row stays 'sending'; after the restart, the quota is out
        assertThat(chunks.begin(start)).get().extracting(ChunkRecord::status).isEqualTo(ChunkStatus.SENDING);
        chunks.fail(importId, 1, ChunkStatus.WAITING_FOR_QUOTA, 0, null, null, "quota", false);

        ChunkRecord beforeTheNextAttempt = chunks.begin(start).orElseThrow();

        assertThat(beforeTheNextAttempt.status()).isEqualTo(ChunkStatus.WAITING_FOR_QUOTA);
        assertThat(beforeTheNextAttempt.anAttemptMayHaveReachedLeadLex()).isTrue();
    }

    @Test
    void refusalsThatProveLeadLexIgnoredTheRequestDoNotCountAsReachingIt() {
        long importId = anImport();
        ChunkStart start = new ChunkStart(importId, 1, 1, 1, 1, 10, 10);
        chunks.begin(start);
        chunks.fail(importId, 1, ChunkStatus.FAILED, 1, 401, "req_1", "invalid key", ChunkRecord.ambiguous(401));
        assertThat(chunks.begin(start).orElseThrow().anAttemptMayHaveReachedLeadLex()).isFalse();

        chunks.fail(importId, 1, ChunkStatus.FAILED, 1, 503, "req_2", "unavailable", ChunkRecord.ambiguous(503));
        chunks.begin(start);
        chunks.fail(importId, 1, ChunkStatus.FAILED, 1, 404, "req_3", "no campaign", ChunkRecord.ambiguous(404));
        assertThat(chunks.begin(start).orElseThrow().anAttemptMayHaveReachedLeadLex())
                .as("the 503 before the 404 may have been processed").isTrue();
    }

    @Test
    void aChunkWaitingForItsQuotaSlotIsShownWaitingAndStillRemembersAnAttemptThatMayHaveReachedLeadLex() {
        long importId = anImport();
        ChunkStart start = new ChunkStart(importId, 1, 1, 1, 1, 500, 500);
        chunks.begin(start);
        // a first attempt timed out; the retry waits for the next minute
        chunks.markWaitingForQuota(importId, 1, true);
        assertThat(chunks.find(importId, 1)).get().extracting(ChunkRecord::status)
                .isEqualTo(ChunkStatus.WAITING_FOR_QUOTA);

        // the process dies during the wait
        assertThat(chunks.begin(start).orElseThrow().anAttemptMayHaveReachedLeadLex()).isTrue();

        chunks.markWaitingForQuota(importId, 1, false);
        chunks.markSending(importId, 1);
        assertThat(chunks.find(importId, 1)).get().extracting(ChunkRecord::status).isEqualTo(ChunkStatus.SENDING);
    }

    @Test
    void aNewStateClearsThePauseTheWaitAndTheMessagesOfTheStateBefore() {
        long importId = anImport();
        Instant midnight = Instant.parse("2026-11-27T00:00:00Z");
        imports.recordResumeTime(importId, midnight, "quota_exhausted", "The day's quota is used up");
        imports.markEnded(importId, ImportStatus.PAUSED, "quota_exhausted", "The day's quota is used up");

        assertThat(imports.claimPaused(importId)).isTrue();
        ImportRecord resuming = imports.findById(importId).orElseThrow();
        assertThat(resuming.status()).isEqualTo(ImportStatus.QUEUED);
        assertThat(resuming.resumeAt()).isNull();
        assertThat(resuming.lastErrorCode()).isNull();
        assertThat(resuming.lastError()).isNull();

        imports.markRunning(importId, 7);
        imports.recordQuotaWait(importId, midnight.plusSeconds(60));
        assertThat(imports.findById(importId).orElseThrow().quotaWaitUntil()).isEqualTo(midnight.plusSeconds(60));
        imports.markEnded(importId, ImportStatus.STOPPED, "stopped", "Stopped by an operator");
        assertThat(imports.findById(importId).orElseThrow().quotaWaitUntil()).isNull();

        imports.recordResumeTime(importId, midnight, "quota_exhausted", "The day's quota is used up");
        imports.markRunning(importId, 8);
        assertThat(imports.findById(importId).orElseThrow().lastError()).isNull();
    }

    @Test
    void aChunkDeliveredAndBookedIsLeftAsItIsWhenSpringBatchReadsItAgainAfterAStop() {
        long importId = anImport();
        ChunkStart start = new ChunkStart(importId, 1, 1, 1, 1, 500, 500);
        chunks.begin(start);
        chunks.complete(importId, 1, ChunkStatus.SENT, 480, 20, 1, 200, "req_1", ChunkOutcome.of(List.of(), Map.of()));
        // killed before Spring Batch committed the chunk: after the restart it is read and written again

        ChunkRecord booked = chunks.begin(start).orElseThrow();

        assertThat(booked.status()).isEqualTo(ChunkStatus.SENT);
        assertThat(chunks.find(importId, 1)).get().extracting(ChunkRecord::status, ChunkRecord::added)
                .containsExactly(ChunkStatus.SENT, 480);
    }

    @Test
    void whatLeadLexAnsweredForEachIdIsBookedWithTheChunkSoAnyNodeCanWriteTheResults() {
        long importId = anImport();
        chunks.begin(new ChunkStart(importId, 1, 1, 1, 1, 3, 3));
        chunks.begin(new ChunkStart(importId, 2, 1, 1, 4, 4, 1));
        assertThat(chunks.outcome(importId, 1)).as("not delivered yet").isEmpty();

        chunks.complete(importId, 1, ChunkStatus.SENT, 1, 1, 2, 200, "req_1", ChunkOutcome.of(
                List.of("0b9a3c52-5f4e-4d1e-9a39-1c2d3e4f5a6b"),
                Map.of("7c0f3c52-5f4e-4d1e-9a39-1c2d3e4f5a6b", "contact_deleted: gone, since\nyesterday")));

        ChunkOutcome booked = chunks.outcome(importId, 1).orElseThrow();
        assertThat(booked.added()).containsExactly("0b9a3c52-5f4e-4d1e-9a39-1c2d3e4f5a6b");
        assertThat(booked.refused()).containsExactly(Map.entry("7c0f3c52-5f4e-4d1e-9a39-1c2d3e4f5a6b",
                "contact_deleted: gone, since yesterday"));
        assertThat(chunks.outcome(importId, 2)).as("another chunk").isEmpty();
        assertThat(chunks.findByImport(importId)).extracting(ChunkRecord::status)
                .containsExactly(ChunkStatus.SENT, ChunkStatus.SENDING);
    }

    @Test
    void chunksOfAWindowNeverSentAfterASiblingFailedAreTakenBackAsIfNeverBegun() {
        long importId = anImport();
        // chunk 2 waited for quota in an earlier run, after an attempt that got no answer
        chunks.begin(new ChunkStart(importId, 2, 1, 1, 11, 20, 10));
        chunks.fail(importId, 2, ChunkStatus.WAITING_FOR_QUOTA, 1, null, null, "quota", true);
        chunks.begin(new ChunkStart(importId, 3, 1, 1, 21, 30, 10));
        chunks.fail(importId, 3, ChunkStatus.WAITING_FOR_QUOTA, 0, null, null, "quota", false);
        Map<Integer, ChunkRecord> earlier = chunks.begin(List.of(new ChunkStart(importId, 1, 2, 2, 1, 10, 10),
                new ChunkStart(importId, 2, 2, 2, 11, 20, 10), new ChunkStart(importId, 3, 2, 2, 21, 30, 10),
                new ChunkStart(importId, 4, 2, 2, 31, 40, 10)));

        // chunk 1 failed; 2, 3 and 4 were never sent
        chunks.notSent(importId, List.of(2, 3, 4), earlier);

        assertThat(chunks.find(importId, 4)).as("begun by this run only").isEmpty();
        ChunkRecord two = chunks.find(importId, 2).orElseThrow();
        assertThat(two.status()).isEqualTo(ChunkStatus.WAITING_FOR_QUOTA);
        assertThat(two.error()).isEqualTo("quota");
        assertThat(two.anAttemptMayHaveReachedLeadLex()).as("what the earlier attempt left is kept").isTrue();
        assertThat(chunks.find(importId, 3).orElseThrow().anAttemptMayHaveReachedLeadLex()).isFalse();
        assertThat(chunks.begin(new ChunkStart(importId, 3, 3, 3, 21, 30, 10))).get()
                .extracting(ChunkRecord::anAttemptMayHaveReachedLeadLex).isEqualTo(false);
    }

    private long anImport() {
        return imports.insert(new NewImport("cmp_ledger_unit", "test", "unit.csv", null, Path.of("unused"),
                "hash-" + System.nanoTime(), ImportStatus.FAILED, 1, 1, 0, 0, 500, null));
    }
}
