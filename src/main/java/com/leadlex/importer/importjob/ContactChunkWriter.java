package com.leadlex.importer.importjob;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.leadlex.importer.leadlex.LeadLexException;
import com.leadlex.importer.leadlex.LeadLexProperties;
import com.leadlex.importer.leadlex.QuotaExhaustedException;
import com.leadlex.importer.leadlex.TransportNotReadyException;
import com.leadlex.importer.ledger.ChunkCompletion;
import com.leadlex.importer.ledger.ChunkOutcome;
import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ChunkStart;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.system.ImporterProperties;

/**
 * Sends one {@link CommitWindow} of ledger chunks (one Spring Batch item) as that many LeadLex
 * requests, {@code leadlex.max-in-flight} at a time, and books the answers: one ledger row per
 * request with its per-ID outcome (in the database, so any node can write the results), written in
 * the step's own chunk transaction together with the reader's position and the running totals. A
 * window commits whole or not at all; when one of its requests fails or pauses, its siblings that
 * LeadLex answered are booked on their own first, and the ones after it are not sent, so the
 * restart, which reads the window again, sends only the rest. Each answer is also written to the
 * {@link AnswerJournal} as it arrives, so a restart after a crash before the commit books it instead
 * of sending the chunk again. A chunk whose ledger row shows an earlier attempt that may have reached
 * LeadLex is booked {@code resent}.
 */
@Component
public class ContactChunkWriter implements ItemWriter<ChunksToCommit> {

    private static final Logger log = LoggerFactory.getLogger(ContactChunkWriter.class);

    private final ChunkDelivery delivery;
    private final RequestWindow window;
    private final AnswerJournal journal;
    private final ImportChunkRepository chunks;
    private final ImportRepository imports;
    private final ImportStopRequests stopRequests;
    private final ImporterMeters meters;
    private final Clock clock;
    private final Duration resumeDelay;
    private final ApplicationEventPublisher events;
    private final int inFlight;

    public ContactChunkWriter(ChunkDelivery delivery, RequestWindow window, AnswerJournal journal,
            ImportChunkRepository chunks, ImportRepository imports, ImporterProperties properties,
            LeadLexProperties leadLex, ImportStopRequests stopRequests, ImporterMeters meters, Clock clock,
            ApplicationEventPublisher events) {
        this.delivery = delivery;
        this.window = window;
        this.journal = journal;
        this.inFlight = leadLex.maxInFlight();
        this.clock = clock;
        this.events = events;
        this.resumeDelay = properties.resumePollInterval();
        this.stopRequests = stopRequests;
        this.meters = meters;
        this.chunks = chunks;
        this.imports = imports;
    }

    @Override
    public void write(Chunk<? extends ChunksToCommit> chunk) throws Exception {
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        JobParameters parameters = step.getJobExecution().getJobParameters();
        long importId = parameters.getLong(ImportJobParameters.IMPORT_ID);
        List<WindowChunk> pieces = chunk.getItems().stream().flatMap(window -> window.chunks().stream()).toList();
        if (stopRequests.isRequested(importId)) {
            throw stoppedBefore(importId, pieces.get(0).chunkNumber());
        }
        // opened before anything is noted as about to go out: a journal that cannot be opened stops the window here
        AnswerJournal.Appender answers = journal.appenderFor(importId, step.getId());
        Map<Integer, ChunkRecord> previous = chunks.begin(pieces.stream().map(piece -> new ChunkStart(importId,
                piece.chunkNumber(), step.getJobExecutionId(), step.getId(), piece.firstLine(), piece.lastLine(),
                piece.ids().size())).toList());

        List<WindowChunk> toSend = new ArrayList<>();
        for (WindowChunk piece : pieces) {
            ChunkRecord earlier = previous.get(piece.chunkNumber());
            if (earlier != null && earlier.status().isDone()) {
                skipBookedEarlier(step.getExecutionContext(), importId, earlier);
            } else {
                toSend.add(piece);
            }
        }
        List<RequestWindow.Outcome<Delivered>> outcomes = send(toSend, previous, parameters, importId, answers);

        List<Delivered> delivered = new ArrayList<>();
        List<Integer> notSent = new ArrayList<>();
        RuntimeException firstFailure = null;
        WindowChunk failedPiece = null;
        for (int i = 0; i < toSend.size(); i++) {
            RequestWindow.Outcome<Delivered> outcome = outcomes.get(i);
            if (outcome.succeeded()) {
                delivered.add(outcome.result());
            } else if (!outcome.sent()) {
                notSent.add(toSend.get(i).chunkNumber());
            } else if (firstFailure == null || outranks(outcome.failure(), firstFailure)) {
                firstFailure = outcome.failure();
                failedPiece = toSend.get(i);
            }
        }
        List<ChunkCompletion> completions = delivered.stream().map(Delivered::completion).toList();
        if (firstFailure == null && !notSent.isEmpty()) {
            // nothing failed, yet some of the window was not sent: an operator stopped the import in between
            bookWhatWasAnswered(step.getExecutionContext(), importId, completions, notSent, previous, delivered);
            throw stoppedBefore(importId, notSent.get(0));
        }
        if (firstFailure != null) {
            bookWhatWasAnswered(step.getExecutionContext(), importId, completions, notSent, previous, delivered);
            for (int i = 0; i < toSend.size(); i++) {
                if (outcomes.get(i).failure() != null && toSend.get(i) != failedPiece) {
                    recordFailure(importId, toSend.get(i), outcomes.get(i).failure());
                }
            }
            throw recordFailure(importId, failedPiece, firstFailure);
        }
        chunks.completeInCallersTransaction(completions);
        for (Delivered done : delivered) {
            count(step.getExecutionContext(), done);
            told(importId, done);
        }
    }

    private static ImportStoppedException stoppedBefore(long importId, int chunkNumber) {
        log.info("Import {} stopped by an operator before chunk {}; restart it to go on", importId, chunkNumber);
        return new ImportStoppedException("Stopped by an operator before chunk " + chunkNumber);
    }

    /**
     * A window that will not commit (a request failed, or the import was stopped) rolls back: what
     * LeadLex answered is booked on its own, so the restart skips it, and what was never sent must not
     * look as if it may have reached LeadLex.
     */
    private void bookWhatWasAnswered(ExecutionContext totals, long importId, List<ChunkCompletion> completions,
            List<Integer> notSent, Map<Integer, ChunkRecord> previous, List<Delivered> delivered) {
        chunks.completeOnTheirOwn(completions);
        chunks.notSent(importId, notSent, previous);
        for (Delivered done : delivered) {
            // Spring Batch saves the totals as the step ends, even failed: the restart must not count these again
            count(totals, done);
            ImportTotals.countedAhead(totals, done.piece().chunkNumber());
            told(importId, done);
        }
    }

    /**
     * Sends the window's chunks, {@code leadlex.max-in-flight} at a time, journaling each answer as it
     * arrives: should the importer die before the window commits, the restart books what LeadLex said
     * instead of sending those chunks again.
     */
    private List<RequestWindow.Outcome<Delivered>> send(List<WindowChunk> toSend, Map<Integer, ChunkRecord> previous,
            JobParameters parameters, long importId, AnswerJournal.Appender answers) {
        if (toSend.isEmpty()) {
            return List.of();
        }
        String campaignId = parameters.getString(ImportJobParameters.CAMPAIGN_ID);
        String sourceTag = blankToNull(parameters.getString(ImportJobParameters.SOURCE_TAG));
        List<Supplier<Delivered>> requests = toSend.stream().<Supplier<Delivered>>map(piece -> () -> {
            answers.sending(piece.chunkNumber());
            ChunkDelivery.Delivery result = delivery.deliver(campaignId, piece.ids(), sourceTag,
                    new ChunkQuotaWait(imports, chunks, importId, piece.chunkNumber()));
            Delivered done = Delivered.of(importId, piece, result, previous.get(piece.chunkNumber()));
            answers.answered(done.completion());
            return done;
        }).toList();
        // a stop takes effect between turns of the window, not only between windows
        return window.sendAll(requests, inFlight, () -> stopRequests.isRequested(importId));
    }

    /**
     * A chunk of this window that an earlier run delivered and booked on its own (a sibling failed, or
     * a stop came ahead of Spring Batch's commit): LeadLex has its contacts, so it is not sent again.
     * Its figures join the totals, unless the failed run's totals, saved as its step ended, hold them.
     */
    private void skipBookedEarlier(ExecutionContext totals, long importId, ChunkRecord earlier) {
        log.info("Import {} chunk {} was already delivered and booked ({}); not sending it again", importId,
                earlier.chunkNumber(), earlier.status());
        if (ImportTotals.takeCountedAhead(totals, earlier.chunkNumber())) {
            return;
        }
        int refused = chunks.outcome(importId, earlier.chunkNumber()).map(o -> o.refused().size()).orElse(0);
        count(totals, earlier.added() == null ? 0 : earlier.added(), earlier.skipped() == null ? 0 : earlier.skipped(),
                refused, 0);
    }

    private static void count(ExecutionContext totals, Delivered done) {
        count(totals, done.result().added(), done.result().skipped(), done.result().refused().size(),
                done.result().attempts());
    }

    private static void count(ExecutionContext totals, int added, int skipped, int refused, int requests) {
        ImportTotals.add(totals, ImportTotals.ADDED, added);
        ImportTotals.add(totals, ImportTotals.SKIPPED, skipped);
        ImportTotals.add(totals, ImportTotals.REFUSED, refused);
        ImportTotals.add(totals, ImportTotals.REQUESTS, requests);
    }

    private void told(long importId, Delivered done) {
        ChunkDelivery.Delivery result = done.result();
        WindowChunk piece = done.piece();
        meters.chunkDelivered(result.added(), result.skipped(), result.refused().size());
        events.publishEvent(new ImportProgressed(importId, piece.ids().size()));
        if (log.isInfoEnabled()) {
            log.info("Import {} chunk {} ({} IDs, lines {}-{}): {} added, {} already enrolled{}, {} request(s), "
                    + "waited {} ms for quota{}", importId, piece.chunkNumber(), piece.ids().size(),
                    piece.firstLine(), piece.lastLine(), result.added(), result.skipped(),
                    result.refused().isEmpty() ? "" : ", " + result.refused().size() + " refused", result.attempts(),
                    result.quotaWait().toMillis(), done.completion().status() == ChunkStatus.RESENT
                            ? " [resent: an earlier attempt may have reached LeadLex]" : "");
        }
    }

    /**
     * Which failure of a window decides what becomes of the import: one LeadLex refused for good fails
     * it, else a quota that ran out pauses it until then, else the importer not being up pauses it.
     */
    private static boolean outranks(RuntimeException candidate, RuntimeException current) {
        return rank(candidate) > rank(current);
    }

    private static int rank(RuntimeException failure) {
        if (failure instanceof QuotaExhaustedException) {
            return 2;
        }
        if (failure instanceof TransportNotReadyException) {
            return 1;
        }
        return 3;
    }

    /** Records why a chunk was not booked and returns what the step is to end with. */
    private Exception recordFailure(long importId, WindowChunk piece, RuntimeException failure) {
        int chunkNumber = piece.chunkNumber();
        if (failure instanceof QuotaExhaustedException e) {
            chunks.fail(importId, chunkNumber, ChunkStatus.WAITING_FOR_QUOTA, e.attempts(), null, null, e.getMessage(),
                    false);
            imports.recordResumeTime(importId, e.resumeAt(), "quota_exhausted", e.getMessage());
            log.info("Import {} paused before chunk {}: {}; resumes at {}", importId, chunkNumber, e.getMessage(),
                    e.resumeAt());
            return new ImportPausedException(e.resumeAt(), e.getMessage());
        }
        if (failure instanceof TransportNotReadyException e) {
            return pauseUntilImporterIsUp(importId, chunkNumber, e);
        }
        if (failure instanceof LeadLexException e) {
            Integer status = e.httpStatus() == 0 ? null : e.httpStatus();
            chunks.fail(importId, chunkNumber, ChunkStatus.FAILED, e.attempts(), status, e.requestId(), e.getMessage(),
                    ChunkRecord.ambiguous(status));
        }
        return failure;
    }

    /**
     * Camel is not started (the importer is starting, or stopping): nothing is wrong with the import,
     * so it pauses until the next poll of the resumer, which runs only once the importer is up.
     */
    private ImportPausedException pauseUntilImporterIsUp(long importId, int chunkNumber, TransportNotReadyException e) {
        String reason = "Chunk " + chunkNumber + " not sent: " + e.getMessage() + "; it goes on by itself";
        Instant resumeAt = clock.instant().plus(resumeDelay);
        chunks.fail(importId, chunkNumber, ChunkStatus.WAITING_FOR_IMPORTER, e.mayHaveBeenSent() ? 1 : 0, null, null,
                reason, e.mayHaveBeenSent());
        imports.recordResumeTime(importId, resumeAt, "importer_not_ready", reason);
        log.info("Import {} paused before chunk {}: {}", importId, chunkNumber, e.getMessage());
        return new ImportPausedException(resumeAt, reason);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A chunk of the window that LeadLex answered, and how the ledger books it. */
    private record Delivered(WindowChunk piece, ChunkDelivery.Delivery result, ChunkCompletion completion) {

        static Delivered of(long importId, WindowChunk piece, ChunkDelivery.Delivery result, ChunkRecord earlier) {
            boolean resent = (earlier != null && earlier.anAttemptMayHaveReachedLeadLex())
                    // a retry in this run after no answer or a 5xx: LeadLex may have taken the first attempt
                    || result.mayHaveBeenSentTwice();
            return new Delivered(piece, result, new ChunkCompletion(importId, piece.chunkNumber(),
                    resent ? ChunkStatus.RESENT : ChunkStatus.SENT, result.added(), result.skipped(),
                    result.attempts(), result.httpStatus(), result.requestId(),
                    ChunkOutcome.of(piece.ids(), result.addedIds(), result.refused())));
        }
    }
}
