package com.leadlex.importer.importjob;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.leadlex.importer.leadlex.QuotaGateRegistry;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;

/**
 * What an operator may do to an import besides looking at it: stop it gracefully (the chunk in
 * flight finishes, nothing more is sent), restart a failed, stopped or paused one from its last
 * committed chunk, and resume a paused one now, letting LeadLex say whether the quota is there.
 * Each answer says in words why an action is refused.
 */
@Component
public class ImportOperations {

    private static final Logger log = LoggerFactory.getLogger(ImportOperations.class);

    private final ImportRepository imports;
    private final JobRepository jobRepository;
    private final ImportLauncher launcher;
    private final ImportStopRequests stopRequests;
    private final QuotaGateRegistry gates;

    public ImportOperations(ImportRepository imports, JobRepository jobRepository, ImportLauncher launcher,
            ImportStopRequests stopRequests, QuotaGateRegistry gates) {
        this.gates = gates;
        this.imports = imports;
        this.jobRepository = jobRepository;
        this.launcher = launcher;
        this.stopRequests = stopRequests;
    }

    /** The outcome of an operator's action: done, or refused with the reason. */
    public record Outcome(boolean accepted, ImportStatus status, String message) {
    }

    /**
     * Stops a queued or running import at its next chunk boundary; a paused import is stopped at
     * once (it will not resume by itself).
     */
    public Outcome stop(ImportRecord record) {
        switch (record.status()) {
            case QUEUED, RUNNING -> {
                stopRequests.request(record.id());
                log.info("Import {}: stop requested by an operator; it stops after the chunk in flight", record.id());
                return new Outcome(true, record.status(),
                        "Stopping: the chunk in flight finishes, then the import stops; restart it to go on");
            }
            case PAUSED -> {
                if (!imports.markEndedIf(record.id(), ImportStatus.PAUSED, ImportStatus.STOPPED, "stopped",
                        "Stopped by an operator while paused for quota; restart to go on")) {
                    // the resumer claimed it a moment ago: stop it at its next chunk boundary instead
                    stopRequests.request(record.id());
                    return new Outcome(true, ImportStatus.QUEUED,
                            "Stopping: it was just resuming; it stops after the chunk in flight");
                }
                log.info("Import {}: stopped by an operator while paused for quota", record.id());
                return new Outcome(true, ImportStatus.STOPPED, "Stopped; it will not resume until restarted");
            }
            default -> {
                return new Outcome(false, record.status(), "Import " + record.id() + " is " + record.status()
                        + ": only a queued, running or paused import can be stopped");
            }
        }
    }

    /**
     * Resumes a paused import now instead of at its planned time: its next request goes out at once,
     * whatever the importer's own records of the quota say, and LeadLex's answer tells whether the
     * quota is really there: accepted, the import goes on (and what LeadLex said about its room paces
     * the rest); refused with 429, the import pauses again until the time LeadLex gives.
     *
     * @param foreground run it to its end (or its next pause) before returning, as the command line does
     */
    public Outcome resumeNow(ImportRecord record, boolean foreground) {
        if (record.status() != ImportStatus.PAUSED) {
            return new Outcome(false, record.status(), "Import " + record.id() + " is " + record.status()
                    + ": only a paused import can be resumed now" + (record.status() == ImportStatus.FAILED
                    || record.status() == ImportStatus.STOPPED ? " (restart it instead)" : ""));
        }
        JobExecution last = record.jobExecutionId() == null ? null
                : jobRepository.getJobExecution(record.jobExecutionId());
        if (last == null || last.isRunning()) {
            return new Outcome(false, record.status(), "Import " + record.id() + " is still winding down; try again shortly");
        }
        if (!imports.claimPaused(record.id())) {
            return new Outcome(false, record.status(), "Import " + record.id() + " is already resuming");
        }
        stopRequests.clear(record.id());
        gates.allowOneRequestNowOnConfiguredKey();
        log.info("Import {}: resumed now by an operator (was paused until {}); LeadLex's answer tells whether the "
                + "quota is there", record.id(), record.resumeAt());
        launcher.resume(record.id(), last, foreground);
        return new Outcome(true, ImportStatus.QUEUED, "Resuming now: its next request goes out at once; if LeadLex "
                + "still has no quota for the key (429), it pauses again until the time LeadLex gives");
    }

    /** Restarts a failed, stopped or paused import where its last committed chunk left off, in the background. */
    public Outcome restart(ImportRecord record) {
        return restart(record, false);
    }

    /** @param foreground run it to its end (or pause) before returning, as the command line does */
    public Outcome restart(ImportRecord record, boolean foreground) {
        ImportStatus status = record.status();
        if (status != ImportStatus.FAILED && status != ImportStatus.STOPPED && status != ImportStatus.PAUSED) {
            return new Outcome(false, status, "Import " + record.id() + " is " + status
                    + ": only a failed, stopped or paused import can be restarted");
        }
        JobExecution last = record.jobExecutionId() == null ? null
                : jobRepository.getJobExecution(record.jobExecutionId());
        if (last == null) {
            return new Outcome(false, status, "Import " + record.id()
                    + " never started, so there is nothing to restart: upload the list again");
        }
        if (last.isRunning()) {
            return new Outcome(false, status, "Import " + record.id() + " is still winding down; try again shortly");
        }
        if (record.stagedIdsRemovedAt() != null) {
            return new Outcome(false, status, "Import " + record.id() + " can no longer be restarted: its staged IDs "
                    + "were removed at " + record.stagedIdsRemovedAt() + " (importer.staging.retention after it ended); "
                    + "drop the list again to import it afresh");
        }
        if (status == ImportStatus.PAUSED && !imports.claimPaused(record.id())) {
            return new Outcome(false, status, "Import " + record.id() + " is already resuming");
        }
        stopRequests.clear(record.id());
        log.info("Import {}: restarted by an operator (was {})", record.id(), status);
        launcher.resume(record.id(), last, foreground);
        return new Outcome(true, ImportStatus.QUEUED, "Restarted from its last committed chunk");
    }
}
