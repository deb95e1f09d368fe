package com.leadlex.importer.staging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How lists are staged, and how long their staged IDs are kept.
 *
 * @param idColumn        name of the CSV column / JSON field holding the contact ID when it is none of
 *                        the usual names; it is tried first, the usual names still work
 * @param partitions      how many ID ranges (spill files) the valid IDs are spread over to be deduplicated
 *                        one at a time; a range holding more than about a million IDs is split further,
 *                        so memory stays bounded (about 50 MB) whatever this is. It changes neither the
 *                        outputs nor the content hash
 * @param retention       how long after an import ended (completed, failed, stopped or already imported),
 *                        once its results are stored, its staged IDs are kept in the database and in the
 *                        nodes' working copies; after that it can no longer be restarted, its results stay
 * @param cleanupInterval how often each node looks for staged IDs past their retention
 * @param emailColumn     name of the CSV column / JSON field holding the e-mail address when it is none of
 *                        the usual names ({@code email}, {@code email_address}, {@code e-mail}); rows
 *                        without an ID are found by it
 */
@ConfigurationProperties("importer.staging")
public record StagingProperties(String idColumn, @DefaultValue("64") int partitions,
        @DefaultValue("7d") Duration retention, @DefaultValue("1h") Duration cleanupInterval, String emailColumn) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    public static final Duration DEFAULT_CLEANUP_INTERVAL = Duration.ofHours(1);

    @ConstructorBinding
    public StagingProperties {
        if (partitions < 1 || partitions > 4096) {
            throw new IllegalArgumentException(
                    "importer.staging.partitions must be between 1 and 4096, was " + partitions);
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("importer.staging.retention must not be negative, was " + retention);
        }
        if (cleanupInterval.isNegative() || cleanupInterval.isZero()) {
            throw new IllegalArgumentException(
                    "importer.staging.cleanup-interval must be positive, was " + cleanupInterval);
        }
        idColumn = idColumn == null || idColumn.isBlank() ? null : idColumn.strip();
        emailColumn = emailColumn == null || emailColumn.isBlank() ? null : emailColumn.strip();
    }

    /** How lists are read, with the default retention and the usual e-mail names only. */
    public StagingProperties(String idColumn, int partitions) {
        this(idColumn, partitions, null);
    }

    /** How lists are read, with the default retention. */
    public StagingProperties(String idColumn, int partitions, String emailColumn) {
        this(idColumn, partitions, DEFAULT_RETENTION, DEFAULT_CLEANUP_INTERVAL, emailColumn);
    }

    /** The defaults: usual ID names only, 64 partitions, staged IDs kept 7 days. */
    public static StagingProperties defaults() {
        return new StagingProperties(null, 64);
    }
}
