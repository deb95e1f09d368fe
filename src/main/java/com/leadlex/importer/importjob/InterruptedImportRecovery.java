package com.leadlex.importer.importjob;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.leadlex.importer.ledger.ImportLeaseRepository;
import com.leadlex.importer.ledger.ImportLeaseRepository.Lease;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.StartupStep;
import com.leadlex.importer.system.TransientDatabaseFailures;

/**
 * What a stopped or killed process leaves behind, picked up at start-up before anything else runs,
 * and again every third of a lease's time while the importer runs ({@link AbandonedImportSweeper}),
 * which is how a node takes over the imports of a node that died. Imports still QUEUED lost their
 * place in the in-memory executor queue: they are launched again. An execution killed mid-import
 * stays STARTED (or UNKNOWN) forever, and Spring Batch would refuse to restart it: it is marked
 * FAILED with the reason ({@link AbandonedExecutions}) and, unless configured otherwise, resumed from
 * its last committed chunk. Only imports whose lease expired, or whose owner is provably gone, are
 * taken, and their lease is taken first ({@link ImportLeases#claimForRecovery}): an import a live
 * instance runs is left alone, and of two nodes looking at once only one recovers it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InterruptedImportRecovery implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImportRecovery.class);

    private final JobRepository jobRepository;
    private final ImportRepository imports;
    private final ImportLauncher launcher;
    private final ImporterProperties properties;
    private final boolean oneShotCommand;
    private final ImportLeases leases;
    private final ImportLeaseRepository leaseRows;
    private final AbandonedExecutions abandoned;
    private final ImportJobListener endRecorder;
    private final Clock clock;

    InterruptedImportRecovery(JobRepository jobRepository, AbandonedExecutions abandoned, ImportRepository imports,
            ImportLauncher launcher, ImporterProperties properties, Environment environment, ImportLeases leases,
            ImportLeaseRepository leaseRows, ImportJobListener endRecorder, Clock clock) {
        this.endRecorder = endRecorder;
        this.leases = leases;
        this.leaseRows = leaseRows;
        this.jobRepository = jobRepository;
        this.abandoned = abandoned;
        this.imports = imports;
        this.launcher = launcher;
        this.properties = properties;
        this.clock = clock;
        this.oneShotCommand = !"none".equals(environment.getProperty("importer.cli.command", "none"));
    }

    @Override
    public String description() {
        return "recover imports interrupted by a stop of the importer";
    }

    @Override
    public void run() {
        // queued first: the orphans recovered below are queued again by their own resumption
        if (!oneShotCommand) {
            for (ImportRecord queued : imports.findByStatus(ImportStatus.QUEUED)) {
                oneAtATime(queued.id(), () -> relaunch(queued, "the importer stopped"));
            }
        }
        recoverAbandoned("interrupted", "The importer stopped while this import ran (crash, kill or power loss)");
    }

    /**
     * The look repeated while the importer runs: runs lost here or on a node that died, and imports
     * queued on a node that is gone. Returns how many imports were taken.
     */
    int sweep() {
        return recoverAbandoned("run_lost", "Its run was lost: the database went away while it ran, "
                + "or the instance running it stopped renewing its lease") + relaunchImportsQueuedOnGoneNodes();
    }

    /**
     * Imports queued on a node that is gone: their lease (taken when they were queued) expired or its
     * owner is provably gone, or none is held although nobody touched them for a lease's time (a node
     * stopping gracefully hands back the leases of what it had queued). An import being registered
     * right now holds no lease for a moment, but was touched just now: it is left alone.
     */
    private int relaunchImportsQueuedOnGoneNodes() {
        int taken = 0;
        Instant quietSince = clock.instant().minus(leases.ttl());
        for (ImportRecord queued : imports.findByStatus(ImportStatus.QUEUED)) {
            Optional<Lease> lease = leaseRows.find(queued.id());
            boolean leftByAStoppedNode = lease.isEmpty() && queued.updatedAt().isBefore(quietSince);
            boolean leasedByAnother = lease.map(held -> !held.owner().equals(leases.instanceId())).orElse(false);
            if (leftByAStoppedNode || leasedByAnother) {
                taken += oneAtATime(queued.id(), () -> relaunch(queued, "the node it was queued on stopped"));
            }
        }
        return taken;
    }

    private Outcome relaunch(ImportRecord queued, String why) {
        JobExecution last = queued.jobExecutionId() == null ? null
                : jobRepository.getJobExecution(queued.jobExecutionId());
        if (last == null) {
            log.warn("Import {} was queued when {}; launching it now", queued.id(), why);
            launcher.launchRegistered(queued);
            return Outcome.HANDED_TO_A_RUN;
        } else if (!last.isRunning()) {
            log.warn("Import {} was about to resume when {}; resuming it now", queued.id(), why);
            launcher.resume(queued.id(), last, false);
            return Outcome.HANDED_TO_A_RUN;
        }
        // its execution still runs: the look for abandoned executions decides about it
        return Outcome.LEFT;
    }

    /**
     * Takes every import whose execution Spring Batch still has as running or UNKNOWN but whose run
     * is gone (its lease expired, its owner is provably gone, or it is this instance's and no run here
     * holds it): marks the execution FAILED with {@code why} and, unless configured otherwise, resumes
     * the import from its last committed chunk. Returns how many were taken.
     */
    int recoverAbandoned(String code, String why) {
        int taken = 0;
        for (JobExecution orphan : abandoned.unfinished()) {
            long importId = AbandonedExecutions.importId(orphan);
            taken += oneAtATime(importId, () -> recoverExecution(importId, orphan.getId(), code, why));
        }
        for (ImportRecord running : imports.findByStatus(ImportStatus.RUNNING)) {
            JobExecution last = lastExecution(running);
            if (last != null && !last.isRunning() && last.getStatus() != BatchStatus.UNKNOWN) {
                taken += oneAtATime(running.id(), () -> recordUnrecordedEnd(running.id(), last, code, why));
            }
        }
        return taken;
    }

    /**
     * Recovers one import holding its lease. One import's recovery failing (the database away again, a
     * conflict) must not stop the others or start-up; its lease is then handed back for the next look.
     */
    private int oneAtATime(long importId, Supplier<Outcome> recovery) {
        boolean claimed = false;
        try {
            claimed = leases.claimForRecovery(importId);
            if (!claimed) {
                return 0;
            }
            Outcome outcome = recovery.get();
            if (outcome != Outcome.HANDED_TO_A_RUN) {
                leases.release(importId);
            }
            return outcome == Outcome.LEFT ? 0 : 1;
        } catch (RuntimeException e) {
            if (claimed) {
                leases.release(importId);
            }
            log.warn("Import {} could not be recovered this time ({}); the next look tries again", importId,
                    TransientDatabaseFailures.describe(e));
            return 0;
        }
    }

    private Outcome recoverExecution(long importId, long executionId, String code, String why) {
        // read again under the lease: another node may have recovered it and handed the lease back since
        JobExecution orphan = jobRepository.getJobExecution(executionId);
        if (orphan == null || !AbandonedExecutions.isUnfinished(orphan)) {
            return Outcome.LEFT;
        }
        JobExecution failed = abandoned.markFailed(orphan, why);
        imports.markEnded(importId, ImportStatus.FAILED, code,
                why + "; it resumes from its last committed chunk when restarted");
        return resumeOrSay(importId, failed, why);
    }

    /**
     * An import the ledger still has as RUNNING although its execution ended: the run could not record
     * its end (the database was away just then). Its end is recorded now as the execution says, and a
     * failed one is resumed.
     */
    private Outcome recordUnrecordedEnd(long importId, JobExecution last, String code, String why) {
        if (imports.findById(importId).map(record -> record.status() != ImportStatus.RUNNING).orElse(true)) {
            // recorded meanwhile, by its run or another node
            return Outcome.LEFT;
        }
        if (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.STOPPED) {
            log.warn("Import {} ended {}, but its end was not recorded; recording it now", importId, last.getStatus());
            // what the run itself would have done at its end: status, results.csv, the end notice
            endRecorder.afterJob(last);
            return Outcome.RECORDED;
        }
        imports.markEnded(importId, ImportStatus.FAILED, code,
                why + "; it resumes from its last committed chunk when restarted");
        return resumeOrSay(importId, last, why + " (its end was not recorded)");
    }

    private JobExecution lastExecution(ImportRecord record) {
        JobExecution recorded = record.jobExecutionId() == null ? null
                : jobRepository.getJobExecution(record.jobExecutionId());
        return recorded == null ? null : jobRepository.getLastJobExecution(recorded.getJobInstance());
    }

    private Outcome resumeOrSay(long importId, JobExecution last, String why) {
        if (properties.resumeInterruptedOnStartup() && !oneShotCommand) {
            log.warn("Import {}: {}; resuming from its last committed chunk", importId, why);
            launcher.resume(importId, last, false);
            return Outcome.HANDED_TO_A_RUN;
        }
        log.warn("Import {}: {}; marked FAILED, restart it to go on", importId, why);
        return Outcome.RECORDED;
    }

    /** What a recovery did with an import whose lease it holds: whether a run now holds that lease. */
    private enum Outcome {
        /** Nothing to do after all. */
        LEFT,
        /** Its state recorded; no run, so the lease is handed back. */
        RECORDED,
        /** Launched or resumed: its run holds the lease from here and hands it back at its end. */
        HANDED_TO_A_RUN
    }
}
