package com.leadlex.importer.importjob;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 * ledger already shows done is left alone. Chunks of that window the journal shows never went out get
 * their "about to be sent" note taken back, so the restart sends them as first attempts, not
 * {@code resent}. An answer received by an earlier run than the one the
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

    /**
     * Books the journaled answers the ledger lacks, takes back the notes of chunks the journal shows
     * never went out, then drops the journal; returns how many chunks were booked.
     */
    int recover(long importId) {
        AnswerJournal.Contents journaled;
        try {
            journaled = journal.read(importId);
        } catch (UncheckedIOException e) {
            // without it the restart is as before the journal: what may have gone out is sent again, resent
            log.warn("Import {}: its answer journal could not be read ({}); chunks it may have held are sent again",
                    importId, e.getMessage());
            journal.forget(importId);
            return 0;
        }
        if (journaled.steps().isEmpty() && journaled.answers().isEmpty()) {
            journal.forget(importId);
            return 0;
        }
        // only rows not booked yet matter, at most a window or two of them, whatever the list's length
        Map<Integer, ChunkRecord> unfinished = new HashMap<>();
        chunks.findUnfinished(importId).forEach(row -> unfinished.put(row.chunkNumber(), row));
        List<ChunkCompletion> toBook = new ArrayList<>();
        for (AnswerJournal.JournaledAnswer answer : journaled.answers()) {
            ChunkRecord row = unfinished.get(answer.completion().chunkNumber());
            if (row != null) {
                toBook.add(asBooked(answer, row));
            }
        }
        if (!toBook.isEmpty()) {
            chunks.completeOnTheirOwn(toBook);
            log.info("Import {}: booked {} chunk(s) LeadLex had answered before the importer stopped, from its "
                    + "answer journal; they are not sent again", importId, toBook.size());
        }
        takeBackNeverSent(importId, journaled, unfinished, toBook);
        journal.forget(importId);
        return toBook.size();
    }

    /**
     * A commit window's chunks are all noted "about to be sent" before the first goes out; those the
     * importer died before sending are taken back, so that they are not booked resent for nothing.
     */
    private void takeBackNeverSent(long importId, AnswerJournal.Contents journaled,
            Map<Integer, ChunkRecord> unfinished, List<ChunkCompletion> booked) {
        Set<Integer> answered = booked.stream().map(ChunkCompletion::chunkNumber).collect(Collectors.toSet());
        Map<Long, List<Integer>> neverSent = new HashMap<>();
        for (ChunkRecord row : unfinished.values()) {
            if (row.status() == ChunkStatus.SENDING && !row.mayHaveReached() && !answered.contains(row.chunkNumber())
                    && !journaled.mayHaveGoneOut(row.stepExecutionId(), row.chunkNumber())) {
                neverSent.computeIfAbsent(row.stepExecutionId(), step -> new ArrayList<>()).add(row.chunkNumber());
            }
        }
        neverSent.forEach((step, chunkNumbers) -> {
            int takenBack = chunks.neverSent(importId, step, chunkNumbers,
                    "not sent: the importer stopped before this chunk went out");
            log.info("Import {}: {} chunk(s) noted as about to go out never did, by its answer journal; they are "
                    + "sent as first attempts", importId, takenBack);
        });
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
