package com.leadlex.importer.importjob;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import com.leadlex.importer.ledger.ChunkCompletion;
import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.ledger.ImportChunkRepository;

/**
 * Before the send step (re)starts, books what its {@link AnswerJournal} holds: answers LeadLex gave to
 * chunks of a commit window that the importer's death kept from being committed. Each is booked on
 * its own, as LeadLex answered it, so the step skips the chunk instead of sending it again; one the
 * ledger already shows done is left alone. An answer received by an earlier run than the one the
 * ledger last saw begin the chunk is booked {@code resent}: that later run may have sent it again.
 * Once the step completes, the journal goes; a step that fails, pauses or stops closes it and leaves it.
 */
@Component
public class AnswerJournalRecovery implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(AnswerJournalRecovery.class);

    private final AnswerJournal journal;
    private final ImportChunkRepository chunks;

    public AnswerJournalRecovery(AnswerJournal journal, ImportChunkRepository chunks) {
        this.journal = journal;
        this.chunks = chunks;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        recover(importId(stepExecution));
    }

    /** Books the journaled answers the ledger lacks, then drops the journal; returns how many were booked. */
    int recover(long importId) {
        List<ChunkCompletion> toBook = new ArrayList<>();
        for (AnswerJournal.JournaledAnswer answer : journal.read(importId)) {
            Optional<ChunkRecord> row = chunks.find(importId, answer.completion().chunkNumber());
            if (row.isPresent() && !row.get().status().isDone()) {
                toBook.add(asBooked(answer, row.get()));
            }
        }
        if (!toBook.isEmpty()) {
            chunks.completeOnTheirOwn(toBook);
            log.info("Import {}: booked {} chunk(s) LeadLex had answered before the importer stopped, from its "
                    + "answer journal; they are not sent again", importId, toBook.size());
        }
        journal.forget(importId);
        return toBook.size();
    }

    private static ChunkCompletion asBooked(AnswerJournal.JournaledAnswer answer, ChunkRecord row) {
        ChunkCompletion completion = answer.completion();
        boolean sentAgainSince = row.stepExecutionId() != answer.stepExecutionId();
        if (!sentAgainSince || completion.status() == ChunkStatus.RESENT) {
            return completion;
        }
        return new ChunkCompletion(completion.importId(), completion.chunkNumber(), ChunkStatus.RESENT,
                completion.added(), completion.skipped(), completion.attempts(), completion.httpStatus(),
                completion.requestId(), completion.outcome());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
            journal.forget(importId(stepExecution));
        } else {
            journal.close(importId(stepExecution));
        }
        return null;
    }

    private static long importId(StepExecution stepExecution) {
        return stepExecution.getJobExecution().getJobParameters().getLong(ImportJobParameters.IMPORT_ID);
    }
}
