package com.leadlex.importer.importjob;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.leadlex.importer.cluster.Leadership;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportAuditRepository;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.system.StartupState;

/**
 * Resumes imports that paused for quota once their resume time has come. The resume time lives in
 * the database, so a pause outlives a restart of the application; no thread waits in between: the
 * {@link ResumeTimer} calls this at the earliest resume time, and on its safety-net poll. Each run
 * first plans the pauses again ({@link PausedImportReplanner}), so raised limits, or LeadLex
 * showing more room, bring a resume earlier. With several nodes only the leader resumes
 * ({@link Leadership}); the import then runs on the leader (any node can finish any import).
 */
@Component
@ConditionalOnProperty(name = "importer.cli.command", matchIfMissing = true, havingValue = "none")
public class PausedImportResumer {

    private static final Logger log = LoggerFactory.getLogger(PausedImportResumer.class);

    private final ImportRepository imports;
    private final JobRepository jobRepository;
    private final ImportLauncher launcher;
    private final Clock clock;
    private final StartupState startup;
    private final ImportAuditRepository audit;
    private final PausedImportReplanner replanner;
    private final Leadership leadership;

    public PausedImportResumer(ImportRepository imports, JobRepository jobRepository, ImportLauncher launcher,
            Clock clock, StartupState startup, ImportAuditRepository audit, PausedImportReplanner replanner,
            Leadership leadership) {
        this.leadership = leadership;
        this.audit = audit;
        this.replanner = replanner;
        this.imports = imports;
        this.jobRepository = jobRepository;
        this.launcher = launcher;
        this.clock = clock;
        this.startup = startup;
    }

    /** Resumes every paused import whose time has come; each at most once, whichever node or thread asks. */
    public void resumeDueImports() {
        if (!startup.isComplete() || !leadership.isLeader()) {
            return;
        }
        replanner.replan();
        for (ImportRecord paused : imports.findDueForResume(clock.instant())) {
            if (!imports.claimPaused(paused.id())) {
                continue;
            }
            JobExecution last = jobRepository.getJobExecution(paused.jobExecutionId());
            log.info("Import {} resumes: its quota window has reset (was paused until {})", paused.id(),
                    paused.resumeAt());
            audit.record(paused.id(), "resume", "importer (quota window reset)",
                    "was paused until " + paused.resumeAt());
            launcher.resume(paused.id(), last, false);
        }
    }
}
