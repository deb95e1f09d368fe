package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.leadlex.importer.ledger.ChunkCompletion;
import com.leadlex.importer.ledger.ChunkOutcome;
import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ChunkStart;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.ledger.NewImport;
import com.leadlex.importer.system.IndependentWrites;
import com.leadlex.importer.system.ManualTimeConfiguration;

/**
 * The restart books what the journal kept of a window the importer died in: on the real ledger (a
 * JDBC slice on H2, migrated by Flyway) and a real journal file.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:journal-recovery;DB_CLOSE_DELAY=-1",
        "spring.batch.jdbc.initialize-schema=always"})
@Import({ImportChunkRepository.class, ImportRepository.class, IndependentWrites.class, ManualTimeConfiguration.class})
class AnswerJournalRecoveryTest {

    private static final long KILLED_STEP = 11;

    @Autowired
    ImportChunkRepository chunks;
    @Autowired
    ImportRepository imports;
    @TempDir
    Path dataDir;

    @Test
    void answersTheWindowNeverCommittedAreBookedAsLeadLexGaveThemAndTheJournalGoes() {
        long importId = anImport();
        AnswerJournal journal = journal();
        chunks.begin(List.of(start(importId, 1, KILLED_STEP), start(importId, 2, KILLED_STEP),
                start(importId, 3, KILLED_STEP)));
        ChunkOutcome oneRefused = ChunkOutcome.of(List.of("a", "b", "c"), List.of("a", "b"),
                Map.of("c", "contact_not_found: no such contact"));
        AnswerJournal.Appender journaled = journal.appenderFor(importId, KILLED_STEP);
        journaled.sending(1);
        journaled.answered(new ChunkCompletion(importId, 1, ChunkStatus.SENT, 2, 0, 1, 200, "req_1", oneRefused));
        journaled.sending(2);
        journaled.answered(new ChunkCompletion(importId, 2, ChunkStatus.RESENT, 0, 3, 2, 200, "req_2",
                ChunkOutcome.of(List.of(), Map.of())));
        journaled.sending(3);
        // killed here: chunk 3 was on its way, the window never committed

        int booked = recovery(journal).recover(importId);

        assertThat(booked).isEqualTo(2);
        ChunkRecord first = chunks.find(importId, 1).orElseThrow();
        assertThat(first.status()).isEqualTo(ChunkStatus.SENT);
        assertThat(first.added()).isEqualTo(2);
        assertThat(first.requestId()).isEqualTo("req_1");
        assertThat(chunks.outcome(importId, 1)).contains(oneRefused);
        ChunkRecord second = chunks.find(importId, 2).orElseThrow();
        assertThat(second.status()).isEqualTo(ChunkStatus.RESENT);
        assertThat(second.skipped()).isEqualTo(3);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(chunks.find(importId, 3)).get().extracting(ChunkRecord::status)
                .as("no answer journaled: sent again, as before").isEqualTo(ChunkStatus.SENDING);
        assertThat(journal.read(importId).answers()).isEmpty();
        assertThat(journal.file(importId)).doesNotExist();
    }

    @Test
    void aChunkTheLedgerShowsDoneIsLeftAsBooked() {
        long importId = anImport();
        AnswerJournal journal = journal();
        chunks.begin(start(importId, 1, KILLED_STEP));
        chunks.complete(importId, 1, ChunkStatus.SENT, 5, 5, 1, 200, "req_committed",
                ChunkOutcome.of(List.of("a"), Map.of()));
        AnswerJournal.Appender journaled = journal.appenderFor(importId, KILLED_STEP);
        journaled.answered(new ChunkCompletion(importId, 1, ChunkStatus.SENT, 9, 1, 1, 200, "req_journaled",
                new ChunkOutcome(Set.of(), Map.of(), true)));

        assertThat(recovery(journal).recover(importId)).isZero();

        assertThat(chunks.find(importId, 1)).get().extracting(ChunkRecord::added, ChunkRecord::requestId)
                .containsExactly(5, "req_committed");
    }

    @Test
    void anAnswerToAnEarlierRunThanTheOneThatLastBeganTheChunkIsBookedResent() {
        long importId = anImport();
        AnswerJournal journal = journal();
        chunks.begin(start(importId, 1, KILLED_STEP));
        AnswerJournal.Appender journaled = journal.appenderFor(importId, KILLED_STEP);
        journaled.answered(new ChunkCompletion(importId, 1, ChunkStatus.SENT, 3, 0, 1, 200, "req_1",
                new ChunkOutcome(Set.of(), Map.of(), true)));
        // another node took the import over, began the chunk again and died too, leaving no journal here
        chunks.begin(start(importId, 1, KILLED_STEP + 1));

        recovery(journal).recover(importId);

        assertThat(chunks.find(importId, 1)).get().extracting(ChunkRecord::status, ChunkRecord::added)
                .containsExactly(ChunkStatus.RESENT, 3);
    }

    @Test
    void withoutAJournalNothingIsBooked() {
        long importId = anImport();
        chunks.begin(start(importId, 1, KILLED_STEP));

        assertThat(recovery(journal()).recover(importId)).isZero();

        assertThat(chunks.find(importId, 1)).get().extracting(ChunkRecord::status).isEqualTo(ChunkStatus.SENDING);
    }

    private AnswerJournalRecovery recovery(AnswerJournal journal) {
        return new AnswerJournalRecovery(journal, chunks);
    }

    @Test
    void chunksOfTheWindowThatNeverWentOutAreSentAgainAsFirstAttemptsNotResent() {
        long importId = anImport();
        AnswerJournal journal = journal();
        chunks.begin(List.of(start(importId, 1, KILLED_STEP), start(importId, 2, KILLED_STEP),
                start(importId, 3, KILLED_STEP), start(importId, 4, KILLED_STEP)));
        AnswerJournal.Appender journaled = journal.appenderFor(importId, KILLED_STEP);
        journaled.sending(1);
        journaled.answered(new ChunkCompletion(importId, 1, ChunkStatus.SENT, 3, 0, 1, 200, "req_1",
                new ChunkOutcome(Set.of(), Map.of(), true)));
        journaled.sending(2);
        // killed here: chunk 2 on its way, chunks 3 and 4 noted in the ledger but never sent

        recovery(journal).recover(importId);

        assertThat(chunks.find(importId, 1)).get().extracting(ChunkRecord::status).isEqualTo(ChunkStatus.SENT);
        assertThat(chunks.find(importId, 2)).get().extracting(ChunkRecord::status, ChunkRecord::mayHaveReached)
                .as("on its way: it may have reached LeadLex").containsExactly(ChunkStatus.SENDING, false);
        assertThat(chunks.find(importId, 2).orElseThrow().anAttemptMayHaveReachedLeadLex()).isTrue();
        for (int never = 3; never <= 4; never++) {
            ChunkRecord row = chunks.find(importId, never).orElseThrow();
            assertThat(row.status()).isEqualTo(ChunkStatus.WAITING_FOR_IMPORTER);
            assertThat(row.anAttemptMayHaveReachedLeadLex()).isFalse();
            // the restart begins it again and finds no attempt that may have reached LeadLex
            assertThat(chunks.begin(start(importId, never, KILLED_STEP + 1)).orElseThrow()
                    .anAttemptMayHaveReachedLeadLex()).isFalse();
        }
    }

    @Test
    void aJournalWrittenBeforeTheMachineRestartedCannotTellWhatNeverWentOut() {
        long importId = anImport();
        chunks.begin(List.of(start(importId, 1, KILLED_STEP), start(importId, 2, KILLED_STEP)));
        AnswerJournal writing = journal();
        writing.appenderFor(importId, KILLED_STEP).sending(1);
        writing.close(importId);

        new AnswerJournalRecovery(new AnswerJournal(dataDir.resolve("journal"), "boot-after-a-power-cut"), chunks)
                .recover(importId);

        assertThat(chunks.find(importId, 2)).get().extracting(ChunkRecord::status).isEqualTo(ChunkStatus.SENDING);
    }

    @Test
    void aChunkAnEarlierAttemptMayHaveReachedKeepsItsNoteEvenIfThisRunNeverSentIt() {
        long importId = anImport();
        chunks.begin(start(importId, 1, KILLED_STEP - 1));
        // the run before was killed with chunk 1 on its way; the killed run began it again but never sent it
        chunks.begin(start(importId, 1, KILLED_STEP));
        AnswerJournal journal = journal();
        journal.appenderFor(importId, KILLED_STEP);
        journal.close(importId);

        recovery(journal).recover(importId);

        assertThat(chunks.find(importId, 1).orElseThrow().anAttemptMayHaveReachedLeadLex()).isTrue();
    }

    @Test
    void aChunkADeadRunLeftOnItsWayAndThisRunTookBackUnsentStaysMaybeReached() {
        long importId = anImport();
        chunks.begin(start(importId, 1, KILLED_STEP - 1));
        // the dead run's chunk 1 came in a later turn of this run's window, which a quota pause cut short
        Map<Integer, ChunkRecord> previous = chunks.begin(List.of(start(importId, 1, KILLED_STEP)));
        chunks.notSent(importId, List.of(1), previous);
        AnswerJournal journal = journal();
        journal.appenderFor(importId, KILLED_STEP);
        journal.close(importId);

        recovery(journal).recover(importId);

        ChunkRecord row = chunks.find(importId, 1).orElseThrow();
        assertThat(row.stepExecutionId()).as("the dead run's, as before this run began it").isEqualTo(KILLED_STEP - 1);
        assertThat(row.status()).isEqualTo(ChunkStatus.SENDING);
        assertThat(row.anAttemptMayHaveReachedLeadLex()).isTrue();
    }

    private AnswerJournal journal() {
        return new AnswerJournal(dataDir.resolve("journal"), "boot-1");
    }

    private static ChunkStart start(long importId, int chunk, long stepExecutionId) {
        return new ChunkStart(importId, chunk, 1, stepExecutionId, chunk * 3L - 2, chunk * 3L, 3);
    }

    private long anImport() {
        return imports.insert(new NewImport("cmp_journal", "test", "unit.csv", null, Path.of("unused"),
                "hash-" + System.nanoTime(), ImportStatus.FAILED, 9, 9, 0, 0, 3, null));
    }
}
