package com.leadlex.importer.importjob;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Job executions whose run is gone while Spring Batch still has them as running (STARTING, STARTED,
 * STOPPING) or UNKNOWN: a process killed mid-import, or a run that ended while its database was
 * away and could not record how. Spring Batch refuses to restart either ("already running", "cannot
 * restart from UNKNOWN"), and its own {@code recover()} leaves UNKNOWN alone, so such an execution
 * and its unfinished steps are marked FAILED here, with the reason, which makes them restartable from
 * their last committed chunk. Whether a run is really gone is the caller's question ({@link ImportLeases}).
 */
@Component
class AbandonedExecutions {

    private static final Set<BatchStatus> UNFINISHED = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED,
            BatchStatus.STOPPING, BatchStatus.UNKNOWN);

    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;

    AbandonedExecutions(JobRepository jobRepository, JdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
    }

    /** Every import execution Spring Batch has as running or UNKNOWN, oldest first. */
    List<JobExecution> unfinished() {
        // the job repository can list running executions, but not UNKNOWN ones: ask its tables
        return jdbc.queryForList("""
                SELECT E.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION E
                JOIN BATCH_JOB_INSTANCE I ON I.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID
                WHERE I.JOB_NAME = ? AND E.STATUS IN ('STARTING', 'STARTED', 'STOPPING', 'UNKNOWN')
                ORDER BY E.JOB_EXECUTION_ID""", Long.class, ImportJobParameters.JOB_NAME)
                .stream().map(jobRepository::getJobExecution).filter(Objects::nonNull).toList();
    }

    /** Whether Spring Batch still has the execution as running or UNKNOWN. */
    static boolean isUnfinished(JobExecution execution) {
        return UNFINISHED.contains(execution.getStatus());
    }

    static long importId(JobExecution execution) {
        return execution.getJobParameters().getLong(ImportJobParameters.IMPORT_ID);
    }

    /** Marks the execution and its unfinished steps FAILED with {@code reason}; it can then be restarted. */
    JobExecution markFailed(JobExecution execution, String reason) {
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (UNFINISHED.contains(step.getStatus())) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
                step.setEndTime(now);
                jobRepository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
        execution.setEndTime(now);
        jobRepository.update(execution);
        return execution;
    }
}
