package com.leadlex.importer.importjob;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
import com.leadlex.importer.leadlex.QuotaExhaustedException;
import com.leadlex.importer.leadlex.TransportNotReadyException;
import com.leadlex.importer.ledger.ChunkOutcome;
import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ChunkStart;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.system.ImporterProperties;

/**
 * Sends one Spring Batch chunk as exactly one LeadLex request and books the answer: the ledger
 * row with its per-ID outcome (in the database, so any node can write the results), and the step's
 * running totals. A chunk whose ledger row shows an
 * earlier attempt that may have reached LeadLex is booked as {@code resent}.
 */
@Component
public class ContactChunkWriter implements ItemWriter<SpoolEntry> {

    private static final Logger log = LoggerFactory.getLogger(ContactChunkWriter.class);

    private final ChunkDelivery delivery;
    private final ImportChunkRepository chunks;
    private final ImportRepository imports;
    private final int chunkSize;
    private final ImportStopRequests stopRequests;
    private final ImporterMeters meters;
    private final Clock clock;
    private final Duration resumeDelay;
    private final ApplicationEventPublisher events;

    public ContactChunkWriter(ChunkDelivery delivery, ImportChunkRepository chunks, ImportRepository imports,
            ImporterProperties properties, ImportStopRequests stopRequests,
            ImporterMeters meters, Clock clock, ApplicationEventPublisher events) {
        this.clock = clock;
        this.events = events;
        this.resumeDelay = properties.resumePollInterval();
        this.stopRequests = stopRequests;
        this.meters = meters;
        this.delivery = delivery;
        this.chunks = chunks;
        this.imports = imports;
        this.chunkSize = properties.chunkSize();
    }

    @Override
    public void write(Chunk<? extends SpoolEntry> chunk) throws Exception {
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        JobParameters parameters = step.getJobExecution().getJobParameters();
        long importId = parameters.getLong(ImportJobParameters.IMPORT_ID);
        List<? extends SpoolEntry> entries = chunk.getItems();
        List<String> ids = entries.stream().map(SpoolEntry::contactId).toList();
        long firstLine = entries.get(0).line();
        int chunkNumber = (int) ((firstLine - 1) / chunkSize) + 1;
        if (stopRequests.isRequested(importId)) {
            log.info("Import {} stopped by an operator before chunk {}; restart it to go on", importId, chunkNumber);
            throw new ImportStoppedException("Stopped by an operator before chunk " + chunkNumber);
        }

        Optional<ChunkRecord> previous = chunks.begin(new ChunkStart(importId, chunkNumber,
                step.getJobExecutionId(), step.getId(), firstLine, entries.get(entries.size() - 1).line(), ids.size()));
        if (previous.isPresent() && previous.get().status().isDone()) {
            // booked before a stop that came ahead of Spring Batch's own commit of this chunk: the ledger
            // is the truth, and LeadLex already has these contacts
            log.info("Import {} chunk {} was already delivered and booked ({}); not sending it again", importId,
                    chunkNumber, previous.get().status());
            return;
        }
        ChunkStatus doneStatus = previous.map(ChunkRecord::anAttemptMayHaveReachedLeadLex).orElse(false)
                ? ChunkStatus.RESENT : ChunkStatus.SENT;
        ChunkDelivery.Delivery result;
        try {
            result = delivery.deliver(parameters.getString(ImportJobParameters.CAMPAIGN_ID), ids,
                    blankToNull(parameters.getString(ImportJobParameters.SOURCE_TAG)),
                    new ChunkQuotaWait(imports, chunks, importId, chunkNumber));
        } catch (QuotaExhaustedException e) {
            chunks.fail(importId, chunkNumber, ChunkStatus.WAITING_FOR_QUOTA, e.attempts(), null, null, e.getMessage(),
                    false);
            imports.recordResumeTime(importId, e.resumeAt(), "quota_exhausted", e.getMessage());
            log.info("Import {} paused before chunk {}: {}; resumes at {}", importId, chunkNumber, e.getMessage(),
                    e.resumeAt());
            throw new ImportPausedException(e.resumeAt(), e.getMessage());
        } catch (TransportNotReadyException e) {
            throw pauseUntilImporterIsUp(importId, chunkNumber, e);
        } catch (LeadLexException e) {
            Integer status = e.httpStatus() == 0 ? null : e.httpStatus();
            chunks.fail(importId, chunkNumber, ChunkStatus.FAILED, e.attempts(), status, e.requestId(), e.getMessage(),
                    ChunkRecord.ambiguous(status));
            throw e;
        }

        if (result.mayHaveBeenSentTwice()) {
            // a retry in this run after no answer or a 5xx: LeadLex may have taken the first attempt
            doneStatus = ChunkStatus.RESENT;
        }
        chunks.complete(importId, chunkNumber, doneStatus, result.added(), result.skipped(), result.attempts(),
                result.httpStatus(), result.requestId(), ChunkOutcome.of(result.addedIds(), result.refused()));
        ExecutionContext totals = step.getExecutionContext();
        ImportTotals.add(totals, ImportTotals.ADDED, result.added());
        ImportTotals.add(totals, ImportTotals.SKIPPED, result.skipped());
        ImportTotals.add(totals, ImportTotals.REFUSED, result.refused().size());
        ImportTotals.add(totals, ImportTotals.REQUESTS, result.attempts());
        meters.chunkDelivered(result.added(), result.skipped(), result.refused().size());
        events.publishEvent(new ImportProgressed(importId, ids.size()));
        log.info("Import {} chunk {} ({} IDs, lines {}-{}): {} added, {} already enrolled{}, {} request(s), "
                + "waited {} ms for quota{}", importId, chunkNumber, ids.size(), firstLine,
                entries.get(entries.size() - 1).line(), result.added(), result.skipped(),
                result.refused().isEmpty() ? "" : ", " + result.refused().size() + " refused", result.attempts(),
                result.quotaWait().toMillis(),
                doneStatus == ChunkStatus.RESENT ? " [resent: an earlier attempt may have reached LeadLex]" : "");
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
}
