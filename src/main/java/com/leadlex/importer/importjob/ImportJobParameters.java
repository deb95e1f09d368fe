package com.leadlex.importer.importjob;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The contactImport job's parameters. A JobInstance is one campaign and one set of IDs (the
 * content hash): the same list dropped twice finds the same instance. A forced re-import adds the
 * new import's ID as a third identifying parameter, which makes a fresh instance.
 */
public final class ImportJobParameters {

    public static final String JOB_NAME = "contactImport";
    public static final String STEP_NAME = "sendChunks";
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String CONTENT_HASH = "contentHash";
    public static final String FORCED_BY_IMPORT = "forcedByImport";
    public static final String IMPORT_ID = "importId";
    /**
     * The absolute path of the spool on the node that staged the list, set by earlier versions: their
     * executions still carry it. The reader now finds the spool from the import ({@link ImportSpools}).
     */
    public static final String SPOOL_FILE = "spoolFile";
    public static final String SOURCE_TAG = "sourceTag";
    /** {@code true} or {@code false}: create the contacts of unknown addresses; blank = importer.contacts.create-missing. */
    public static final String CREATE_MISSING = "createMissing";
    public static final String RESOLVE_STEP_NAME = "resolveEmails";

    private ImportJobParameters() {
    }

    /** The identifying parameters only: enough to find an existing instance. */
    public static JobParameters identity(String campaignId, String contentHash, Long forcedByImport) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(CAMPAIGN_ID, campaignId)
                .addString(CONTENT_HASH, contentHash);
        if (forcedByImport != null) {
            builder.addLong(FORCED_BY_IMPORT, forcedByImport);
        }
        return builder.toJobParameters();
    }

    /** No path: the import's ID is enough for any node to find its staged IDs. */
    public static JobParameters forLaunch(String campaignId, String contentHash, Long forcedByImport, long importId,
            String sourceTag) {
        return new JobParametersBuilder(identity(campaignId, contentHash, forcedByImport))
                .addLong(IMPORT_ID, importId, false)
                .addString(SOURCE_TAG, sourceTag == null ? "" : sourceTag, false)
                .toJobParameters();
    }
}
