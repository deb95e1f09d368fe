package com.leadlex.importer.importjob;

import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.StartupStep;
import com.leadlex.importer.system.TransientDatabaseFailures;

/**
 * What a stopped or killed process leaves behind, picked up at start-up before anything else runs.
 * Imports still QUEUED lost their place in the in-memory executor queue: they are launched again.
 * An execution killed mid-import stays STARTED (or UNKNOWN) forever, and Spring Batch would refuse
 * to restart it: it is marked FAILED with the reason ({@link AbandonedExecutions}) and, unless
 * configured otherwise, resumed from its last committed chunk. Only imports whose lease expired, or
 * whose owner is provably gone, are taken ({@link ImportLeases}): an import a live instance runs is
 * left alone. The same look for abandoned runs is repeated while the importer runs
 * ({@link AbandonedImportSweeper}).
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
    private final AbandonedExecutions abandoned;
    private final ImportJobListener endRecorder;

    InterruptedImportRecovery(JobRepository jobRepository, AbandonedExecutions abandoned, ImportRepository imports,
            ImportLauncher launcher, ImporterProperties properties, Environment environment, ImportLeases leases,
            ImportJobListener endRecorder) {
        this.endRecorder = endRecorder;
        this.leases = leases;
        this.jobRepository = jobRepository;
        this.abandoned = abandoned;
        this.imports = imports;
        this.launcher = launcher;
        this.properties = properties;
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
            relaunchQueuedImports();
        }
        recoverAbandoned("interrupted", "The importer stopped while this import ran (crash, kill or power loss)");
    }

    /**
     * Imports registered QUEUED wait in the executor's queue, which is memory: a stop of the
     * process loses the queue, not the imports. Each is launched (or restarted) again.
     */
    private void relaunchQueuedImports() {
        for (ImportRecord queued : imports.findByStatus(ImportStatus.QUEUED)) {
            if (!leases.mayRecover(queued.id())) {
                continue;
            }
            JobExecution last = queued.jobExecutionId() == null ? null
                    : jobRepository.getJobExecution(queued.jobExecutionId());
            if (last == null) {
                log.warn("Import {} was queued when the importer stopped; launching it now", queued.id());
                launcher.launchRegistered(queued);
            } else if (!last.isRunning()) {
                log.warn("Import {} was about to resume when the importer stopped; resuming it now", queued.id());
                launcher.resume(queued.id(), last, false);
            }
        }
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
            taken += oneAtATime(importId, () -> recoverExecution(importId, orphan, code, why));
        }
        for (ImportRecord running : imports.findByStatus(ImportStatus.RUNNING)) {
            taken += oneAtATime(running.id(), () -> recordUnrecordedEnd(running, code, why));
        }
        return taken;
    }

    /** One import's recovery failing (the database away again, a conflict) must not stop the others or start-up. */
    private int oneAtATime(long importId, BooleanSupplier recovery) {
        try {
            return recovery.getAsBoolean() ? 1 : 0;
        } catch (RuntimeException e) {
            log.warn("Import {} could not be recovered this time ({}); the next look tries again", importId,
                    TransientDatabaseFailures.describe(e));
            return 0;
        }
    }

    private boolean recoverExecution(long importId, JobExecution orphan, String code, String why) {
        if (!leases.mayRecover(importId)) {
            return false;
        }
        JobExecution failed = abandoned.markFailed(orphan, why);
        imports.markEnded(importId, ImportStatus.FAILED, code,
                why + "; it resumes from its last committed chunk when restarted");
        resumeOrSay(importId, failed, why);
        return true;
    }

    /**
     * An import the ledger still has as RUNNING although its execution ended: the run could not record
     * its end (the database was away just then). Its end is recorded now as the execution says, and a
     * failed one is resumed, once nobody holds it.
     */
    private boolean recordUnrecordedEnd(ImportRecord running, String code, String why) {
        JobExecution recorded = running.jobExecutionId() == null ? null
                : jobRepository.getJobExecution(running.jobExecutionId());
        JobExecution last = recorded == null ? null : jobRepository.getLastJobExecution(recorded.getJobInstance());
        if (last == null || last.isRunning() || last.getStatus() == BatchStatus.UNKNOWN
                || !leases.mayRecover(running.id())) {
            return false;
        }
        if (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.STOPPED) {
            log.warn("Import {} ended {}, but its end was not recorded; recording it now", running.id(),
                    last.getStatus());
            // what the run itself would have done at its end: status, results.csv, the end notice
            endRecorder.afterJob(last);
        } else {
            imports.markEnded(running.id(), ImportStatus.FAILED, code,
                    why + "; it resumes from its last committed chunk when restarted");
            resumeOrSay(running.id(), last, why + " (its end was not recorded)");
        }
        return true;
    }

    private void resumeOrSay(long importId, JobExecution last, String why) {
        if (properties.resumeInterruptedOnStartup() && !oneShotCommand) {
            log.warn("Import {}: {}; resuming from its last committed chunk", importId, why);
            launcher.resume(importId, last, false);
        } else {
            log.warn("Import {}: {}; marked FAILED, restart it to go on", importId, why);
        }
    }
}
