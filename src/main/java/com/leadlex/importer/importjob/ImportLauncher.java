package com.leadlex.importer.importjob;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.ledger.NewImport;
import com.leadlex.importer.staging.StagedList;
import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.Sleeper;
import com.leadlex.importer.system.TransientDatabaseFailures;

/**
 * Turns a staged list into a running import: registers it, finds out whether the same list (same
 * campaign, same ID set) was imported before, and starts, resumes or declines accordingly. Imports
 * run on the bounded import executor, or in the caller's thread for the one-shot command, with the
 * import's ID in the logging context ({@value #MDC_IMPORT_ID}) of everything done for it.
 */
@Component
public class ImportLauncher {

    /** The MDC key holding the import's ID while it runs; the log pattern prints it. */
    public static final String MDC_IMPORT_ID = "importId";

    private static final Logger log = LoggerFactory.getLogger(ImportLauncher.class);
    private static final int LAUNCH_ATTEMPTS = 5;
    private static final Duration DATABASE_RETRY = Duration.ofSeconds(5);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job contactImportJob;
    private final ImportRepository imports;
    private final TaskExecutor importExecutor;
    private final ImporterProperties properties;
    private final ImporterMeters meters;
    private final Sleeper sleeper;
    private final ImportLeases leases;
    private final TaskScheduler scheduler;

    public ImportLauncher(JobOperator jobOperator, JobRepository jobRepository, Job contactImportJob,
            ImportRepository imports, TaskExecutor importExecutor, ImporterProperties properties,
            ImporterMeters meters, Sleeper sleeper, ImportLeases leases, TaskScheduler scheduler) {
        this.leases = leases;
        this.scheduler = scheduler;
        this.meters = meters;
        this.sleeper = sleeper;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.contactImportJob = contactImportJob;
        this.imports = imports;
        this.importExecutor = importExecutor;
        this.properties = properties;
    }

    /** Registers and launches an import of {@code staged}; runs it to its end first if {@code foreground}. */
    public synchronized LaunchResult submit(StagedList staged, ImportRequest request, boolean foreground) {
        if (!request.force()) {
            // queued or starting: its JobInstance may not exist yet, but it is already this list's import
            var unfinished = imports.findUnfinished(request.campaignId(), staged.contentHash());
            if (unfinished.isPresent()) {
                log.info("{} is being imported into campaign {} by import {} right now", request.fileName(),
                        request.campaignId(), unfinished.get().id());
                return new LaunchResult(unfinished.get().id(), LaunchResult.Disposition.ALREADY_RUNNING);
            }
        }
        JobInstance earlier = instanceWithExecutions(
                ImportJobParameters.identity(request.campaignId(), staged.contentHash(), null));
        if (earlier != null && !request.force()) {
            JobExecution last = jobRepository.getLastJobExecution(earlier);
            long earlierImport = last.getJobParameters().getLong(ImportJobParameters.IMPORT_ID);
            if (last.getStatus() == BatchStatus.COMPLETED) {
                long id = imports.insert(newImport(staged, request, ImportStatus.ALREADY_IMPORTED, earlierImport));
                log.info("{} was already imported into campaign {} by import {}: nothing sent (import {}); "
                        + "use force to import it again", request.fileName(), request.campaignId(), earlierImport, id);
                return new LaunchResult(id, LaunchResult.Disposition.ALREADY_IMPORTED);
            }
            if (last.isRunning()) {
                log.info("{} is being imported into campaign {} by import {} right now", request.fileName(),
                        request.campaignId(), earlierImport);
                return new LaunchResult(earlierImport, LaunchResult.Disposition.ALREADY_RUNNING);
            }
            Optional<ImportRecord> earlierRecord = imports.findById(earlierImport);
            if (earlierRecord.map(r -> r.stagedIdsRemovedAt() == null).orElse(true)) {
                boolean paused = earlierRecord.map(r -> r.status() == ImportStatus.PAUSED).orElse(false);
                if (paused && !imports.claimPaused(earlierImport)) {
                    return new LaunchResult(earlierImport, LaunchResult.Disposition.ALREADY_RUNNING);
                }
                log.info("{} has an unfinished import {} ({}): resuming it", request.fileName(), earlierImport,
                        last.getStatus());
                resume(earlierImport, last, foreground);
                return new LaunchResult(earlierImport, LaunchResult.Disposition.RESUMED);
            }
            // its spool, which fixes where a restart goes on, is gone: this list is imported afresh
            log.info("{} has an unfinished import {} ({}) whose staged IDs were removed after "
                    + "importer.staging.retention: importing it afresh", request.fileName(), earlierImport,
                    last.getStatus());
        }
        NewImport queued = newImport(staged, request, ImportStatus.QUEUED, null);
        long id = imports.insert(queued);
        meters.listStaged(staged.invalid(), staged.duplicates());
        JobParameters parameters = ImportJobParameters.forLaunch(request.campaignId(), staged.contentHash(),
                earlier == null ? null : id, id, request.sourceTag());
        log.info("Import {} queued: {} -> campaign {}, {} valid IDs in {} chunk(s)", id, request.fileName(),
                request.campaignId(), staged.validUnique(), queued.totalChunks());
        start(id, parameters, foreground);
        return new LaunchResult(id, LaunchResult.Disposition.STARTED);
    }

    /**
     * Launches an import that was registered as QUEUED but whose launch never happened (the
     * process stopped while it waited for a free slot). If its list has a job instance by now, it
     * was a forced import, and is launched as one again.
     */
    public void launchRegistered(ImportRecord queued) {
        JobInstance existing = instanceWithExecutions(
                ImportJobParameters.identity(queued.campaignId(), queued.contentHash(), null));
        JobParameters parameters = ImportJobParameters.forLaunch(queued.campaignId(), queued.contentHash(),
                existing == null ? null : queued.id(), queued.id(), queued.sourceTag());
        start(queued.id(), parameters, false);
    }

    /**
     * Starts a new execution. Spring Batch creates the job instance and its first execution in two
     * transactions: a launch that loses a serialization race in the second leaves an instance with no
     * execution, which every later start of the same list would trip over ("cannot find any job
     * execution"). After a failed attempt, and only in the thread whose attempt failed (another thread
     * may be between the two steps of its own launch), such an instance is removed and the launch tried
     * again.
     */
    private void start(long importId, JobParameters parameters, boolean foreground) {
        run(importId, new JobRun() {
            @Override
            public JobExecution run() throws Exception {
                return jobOperator.start(contactImportJob, parameters);
            }

            @Override
            public Retry afterFailure() {
                JobInstance instance = jobRepository.getJobInstance(ImportJobParameters.JOB_NAME, parameters);
                if (instance == null) {
                    return Retry.IF_TRANSIENT;
                }
                if (!jobRepository.getJobExecutions(instance).isEmpty()) {
                    return Retry.NO;
                }
                log.info("Job instance {} has no execution (its launch failed half-way); removing it",
                        instance.getInstanceId());
                jobRepository.deleteJobInstance(instance);
                return Retry.YES;
            }
        }, foreground);
    }

    /** The job instance of {@code identity} if it has an execution; one a failed launch left without any is ignored. */
    private JobInstance instanceWithExecutions(JobParameters identity) {
        JobInstance instance = jobRepository.getJobInstance(ImportJobParameters.JOB_NAME, identity);
        return instance == null || jobRepository.getJobExecutions(instance).isEmpty() ? null : instance;
    }

    /** Restarts the last execution of an unfinished import where its last committed chunk left off. */
    public void resume(long importId, JobExecution lastExecution, boolean foreground) {
        imports.markQueued(importId);
        run(importId, new JobRun() {
            @Override
            public JobExecution run() throws Exception {
                return jobOperator.restart(lastExecution);
            }

            @Override
            public Retry afterFailure() {
                JobExecution latest = jobRepository.getLastJobExecution(lastExecution.getJobInstance());
                return latest == null || latest.getId() == lastExecution.getId() ? Retry.IF_TRANSIENT : Retry.NO;
            }
        }, foreground);
    }

    private void run(long importId, JobRun jobRun, boolean foreground) {
        Runnable task = () -> {
            String outer = MDC.get(MDC_IMPORT_ID);
            MDC.put(MDC_IMPORT_ID, Long.toString(importId));
            try {
                runHoldingTheLease(importId, jobRun);
            } catch (RuntimeException e) {
                whenTheDatabaseAnswers(importId, jobRun, foreground, e);
            } finally {
                restore(outer);
            }
        };
        if (foreground) {
            task.run();
        } else if (leases.reserve(importId)) {
            // held from now on: while it waits for a free slot another node leaves it alone, and takes it
            // over if this one dies first
            importExecutor.execute(task);
        } else {
            log.info("Import {} is held by another node; not queuing it here", importId);
        }
    }

    /**
     * The database went away around the run (taking the lease, recording a failed launch): nothing was
     * sent for it. A background launch is tried again a little later, until the database answers; a
     * run whose end could not be recorded is found by the look for lost runs instead, since by then it
     * has an execution and trying again does nothing.
     */
    private void whenTheDatabaseAnswers(long importId, JobRun jobRun, boolean foreground, RuntimeException e) {
        if (foreground || !TransientDatabaseFailures.isTransient(e)) {
            log.warn("Import {}: its run could not be started or recorded ({}); restart it once the database "
                    + "answers", importId, TransientDatabaseFailures.describe(e));
            return;
        }
        log.warn("Import {}: the database is away ({}); trying again in {}", importId,
                TransientDatabaseFailures.describe(e), DATABASE_RETRY);
        scheduler.schedule(() -> run(importId, jobRun, false), scheduler.getClock().instant().plus(DATABASE_RETRY));
    }

    private void runHoldingTheLease(long importId, JobRun jobRun) {
        if (!leases.acquire(importId)) {
            log.info("Import {} is already being run by another instance or thread; not launching it again", importId);
            return;
        }
        try {
            runRetryingTransientConflicts(importId, jobRun);
        } catch (Exception e) {
            log.error("Import {} could not be launched: {}", importId, e.getMessage(), e);
            // only if nothing else launched it meanwhile: a running import must not be marked failed
            imports.markEndedIf(importId, ImportStatus.QUEUED, ImportStatus.FAILED, "launch_failed",
                    "Could not launch: " + e.getMessage());
        } finally {
            leases.release(importId);
        }
    }

    private static void restore(String outerImportId) {
        if (outerImportId == null) {
            MDC.remove(MDC_IMPORT_ID);
        } else {
            MDC.put(MDC_IMPORT_ID, outerImportId);
        }
    }

    /**
     * Spring Batch creates a job execution in a SERIALIZABLE transaction; imports launched at the same
     * moment on PostgreSQL can lose that race ("could not serialize access") or deadlock. A launch that
     * left no execution behind is tried again, a bounded number of times; one whose job ran and then
     * failed to record its end (the database went away) is not: that is for the recovery of lost runs.
     */
    private void runRetryingTransientConflicts(long importId, JobRun jobRun) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                jobRun.run();
                return;
            } catch (Exception e) {
                Retry retry = attempt >= LAUNCH_ATTEMPTS ? Retry.NO : jobRun.afterFailure();
                if (retry == Retry.NO || retry == Retry.IF_TRANSIENT && !TransientDatabaseFailures.isTransient(e)) {
                    throw e;
                }
                log.info("Import {}: its launch failed before the import began ({}); trying again", importId,
                        TransientDatabaseFailures.describe(e));
                sleeper.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(20, 200) * attempt));
            }
        }
    }

    private NewImport newImport(StagedList staged, ImportRequest request, ImportStatus status, Long duplicateOf) {
        return new NewImport(request.campaignId(), request.sourceName(), request.fileName(), request.sourceTag(),
                staged.directory(), staged.contentHash(), status, staged.rowsRead(), staged.validUnique(),
                staged.invalid(), staged.duplicates(), properties.chunkSize(), duplicateOf);
    }

    /** One launch: tried again only when the failed attempt left no execution behind. */
    private interface JobRun {
        JobExecution run() throws Exception;

        /** Looks at what the failed attempt left (and clears a half-made job instance); whether to try again. */
        Retry afterFailure();
    }

    private enum Retry {
        /** The attempt left an execution: trying again could run the import twice, or cannot help. */
        NO,
        /** Nothing was left: worth trying again if the failure goes away by itself. */
        IF_TRANSIENT,
        /** A half-made job instance was cleared: trying again now succeeds whatever the failure was. */
        YES
    }
}
