package com.leadlex.importer.importjob;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
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

/**
 * What a stopped or killed process leaves behind, picked up at start-up before anything else runs.
 * Imports still QUEUED lost their place in the in-memory executor queue: they are launched again.
 * An execution killed mid-import stays STARTED forever, and Spring Batch would refuse to restart
 * it as "already running": it is marked FAILED with the reason and, unless configured otherwise,
 * resumed from its last committed chunk. Only imports whose lease expired, or whose owner is provably
 * gone, are taken ({@link ImportLeases}): an import a live instance runs is left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InterruptedImportRecovery implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImportRecovery.class);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final ImportRepository imports;
    private final ImportLauncher launcher;
    private final ImporterProperties properties;
    private final boolean oneShotCommand;
    private final ImportLeases leases;

    public InterruptedImportRecovery(JobRepository jobRepository, JobOperator jobOperator, ImportRepository imports,
            ImportLauncher launcher, ImporterProperties properties, Environment environment, ImportLeases leases) {
        this.leases = leases;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
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
        recoverOrphanedExecutions();
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

    private void recoverOrphanedExecutions() {
        Set<JobExecution> orphans = jobRepository.findRunningJobExecutions(ImportJobParameters.JOB_NAME);
        for (JobExecution orphan : orphans) {
            long importId = orphan.getJobParameters().getLong(ImportJobParameters.IMPORT_ID);
            if (!leases.mayRecover(importId)) {
                continue;
            }
            JobExecution recovered = jobOperator.recover(orphan);
            imports.markEnded(importId, ImportStatus.FAILED, "interrupted",
                    "The importer stopped while this import ran (crash, kill or power loss); "
                            + "it resumes from its last committed chunk when restarted");
            if (properties.resumeInterruptedOnStartup() && !oneShotCommand) {
                log.warn("Import {} was interrupted by a stop of the importer; resuming from its last committed chunk",
                        importId);
                launcher.resume(importId, recovered, false);
            } else {
                log.warn("Import {} was interrupted by a stop of the importer; marked FAILED, restart it to go on",
                        importId);
            }
        }
    }
}
