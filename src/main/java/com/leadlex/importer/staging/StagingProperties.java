package com.leadlex.importer.staging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How lists are staged.
 *
 * @param idColumn   name of the CSV column / JSON field holding the contact ID when it is none of
 *                   the usual names; it is tried first, the usual names still work
 * @param partitions how many ID ranges (spill files) the valid IDs are spread over to be deduplicated
 *                   one at a time; a range holding more than about a million IDs is split further,
 *                   so memory stays bounded (about 50 MB) whatever this is. It changes neither the
 *                   outputs nor the content hash
 */
@ConfigurationProperties("importer.staging")
public record StagingProperties(String idColumn, @DefaultValue("64") int partitions) {

    public StagingProperties {
        if (partitions < 1 || partitions > 4096) {
            throw new IllegalArgumentException(
                    "importer.staging.partitions must be between 1 and 4096, was " + partitions);
        }
        idColumn = idColumn == null || idColumn.isBlank() ? null : idColumn.strip();
    }

    /** The defaults: usual ID names only, 64 partitions. */
    public static StagingProperties defaults() {
        return new StagingProperties(null, 64);
    }
}
