package com.leadlex.importer.importjob;

/**
 * Published once when an import's execution has ended (completed, paused, stopped or failed), after
 * its status and results file are written. Defined here so that whoever tells people about it
 * (notifications) listens without the job knowing them.
 *
 * @param jobExecutionId the execution that ended: a resumed or restarted import ends again with a new one
 */
public record ImportEndedEvent(ImportSummary summary, long jobExecutionId) {
}
