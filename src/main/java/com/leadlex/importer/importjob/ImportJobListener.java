package com.leadlex.importer.importjob;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import com.leadlex.importer.leadlex.LeadLexException;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportResultsWriter;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.system.TransientDatabaseFailures;

/**
 * Keeps CONTACT_IMPORT in step with the job: RUNNING when an execution starts; at its end,
 * COMPLETED, PAUSED (quota), STOPPED or FAILED with the reason in plain words, a fresh results
 * CSV, one summary line in the log, and an {@link ImportEndedEvent}.
 */
@Component
public class ImportJobListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ImportJobListener.class);

    private final ImportRepository imports;
    private final ImportResultsWriter resultsWriter;
    private final ImportSummaries summaries;
    private final ImportStopRequests stopRequests;
    private final ImporterMeters meters;
    private final ApplicationEventPublisher events;

    public ImportJobListener(ImportRepository imports, ImportResultsWriter resultsWriter, ImportSummaries summaries,
            ImportStopRequests stopRequests, ImporterMeters meters, ApplicationEventPublisher events) {
        this.events = events;
        this.stopRequests = stopRequests;
        this.meters = meters;
        this.imports = imports;
        this.resultsWriter = resultsWriter;
        this.summaries = summaries;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        imports.markRunning(importId(jobExecution), jobExecution.getId());
        events.publishEvent(new ImportProgressed(importId(jobExecution), 0));
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        long importId = importId(jobExecution);
        ImportRecord record = imports.findById(importId).orElseThrow();
        ImportRecord ended = ended(record, jobExecution);
        // results.csv first: an import shown as ended already has its results file
        Optional<String> resultsNotWritten = writeResults(ended);
        imports.markEnded(importId, ended.status(), ended.lastErrorCode(), ended.lastError());
        resultsNotWritten.ifPresent(reason -> imports.recordResultsNotWritten(importId, reason));
        stopRequests.clear(importId);
        if (jobExecution.getStartTime() != null) {
            meters.importEnded(ended.status().name().toLowerCase(java.util.Locale.ROOT),
                    java.time.Duration.between(jobExecution.getStartTime(), java.time.LocalDateTime.now()));
        }
        ImportSummary summary = summaries.describe(imports.findById(importId).orElseThrow());
        log.info("{}", summary.oneLine());
        publishEnded(summary, jobExecution.getId());
    }

    /** The import as its run leaves it: COMPLETED, PAUSED (quota), STOPPED or FAILED with the reason. */
    private static ImportRecord ended(ImportRecord record, JobExecution jobExecution) {
        BatchStatus status = jobExecution.getStatus();
        if (status == BatchStatus.COMPLETED) {
            return record.endedAs(ImportStatus.COMPLETED, null, null);
        } else if (status == BatchStatus.STOPPED && record.resumeAt() != null) {
            return record.endedAs(ImportStatus.PAUSED, record.lastErrorCode(), record.lastError());
        } else if (status == BatchStatus.STOPPED) {
            return record.endedAs(ImportStatus.STOPPED, "stopped", "Stopped by an operator; restart to go on");
        }
        Failure failure = describe(jobExecution);
        return record.endedAs(ImportStatus.FAILED, failure.code(), failure.message());
    }

    /** Listeners (notifications) must never turn an ended import into a failed one. */
    private void publishEnded(ImportSummary summary, long jobExecutionId) {
        try {
            events.publishEvent(new ImportEndedEvent(summary, jobExecutionId));
        } catch (RuntimeException e) {
            log.warn("Import {}: a listener of its end failed: {}", summary.id(), e.toString());
        }
    }

    /**
     * A results file that cannot be written (a full disk) must not turn a finished import into a
     * failed one, nor hide: one line in the log and on the import, and the file can be written again
     * from the ledger at any time ({@code POST /api/imports/{id}/results}).
     */
    private Optional<String> writeResults(ImportRecord ended) {
        try {
            resultsWriter.write(ended);
            return Optional.empty();
        } catch (UncheckedIOException e) {
            String reason = "results.csv could not be written (" + e.getCause().getMessage() + "); free some space, "
                    + "then write it again: POST /api/imports/" + ended.id() + "/results";
            log.warn("Import {}: {}", ended.id(), reason);
            return Optional.of(reason);
        } catch (DataAccessException e) {
            String reason = "results.csv could not be stored in the database (" + TransientDatabaseFailures.describe(e)
                    + "); write it again once the database answers: POST /api/imports/" + ended.id() + "/results";
            log.warn("Import {}: {}", ended.id(), reason);
            return Optional.of(reason);
        }
    }

    static Failure describe(JobExecution jobExecution) {
        List<Throwable> failures = new ArrayList<>(jobExecution.getFailureExceptions());
        for (StepExecution step : jobExecution.getStepExecutions()) {
            failures.addAll(step.getFailureExceptions());
        }
        for (Throwable failure : failures) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof LeadLexException leadLex) {
                    String message = leadLex.getMessage();
                    if (!message.contains(leadLex.error().action())) {
                        message = message + " What to do: " + leadLex.error().action();
                    }
                    return new Failure(leadLex.error().code(), message);
                }
            }
        }
        Throwable first = failures.isEmpty() ? null : rootCause(failures.get(0));
        String message = first == null ? "the import failed without a recorded cause; see the log"
                : first.getClass().getSimpleName() + ": " + first.getMessage();
        return new Failure("internal_error", message);
    }

    private static Throwable rootCause(Throwable throwable) {
        Throwable cause = throwable;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static long importId(JobExecution jobExecution) {
        return jobExecution.getJobParameters().getLong(ImportJobParameters.IMPORT_ID);
    }

    record Failure(String code, String message) {
    }
}
