package com.leadlex.importer.importjob;

import java.time.Instant;

import org.springframework.batch.core.job.JobInterruptedException;

/**
 * Thrown from a chunk when the key's quota will not allow a request within max-wait. Being a
 * JobInterruptedException, it makes Spring Batch roll the chunk back and end the execution
 * STOPPED (restartable) rather than FAILED; the resume time is already in CONTACT_IMPORT.
 */
public class ImportPausedException extends JobInterruptedException {

    private final Instant resumeAt;

    public ImportPausedException(Instant resumeAt, String message) {
        super(message);
        this.resumeAt = resumeAt;
    }

    public Instant resumeAt() {
        return resumeAt;
    }
}
