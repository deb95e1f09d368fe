package com.leadlex.importer.importjob;

import org.springframework.batch.core.job.JobInterruptedException;

/**
 * Thrown before a chunk is sent when an operator asked the import to stop. Like a quota pause it
 * is a JobInterruptedException: the unsent chunk rolls back and the execution ends STOPPED, ready
 * to be restarted from that chunk.
 */
public class ImportStoppedException extends JobInterruptedException {

    public ImportStoppedException(String message) {
        super(message);
    }
}
