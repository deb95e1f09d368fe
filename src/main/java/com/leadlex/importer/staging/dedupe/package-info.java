/**
 * De-duplication in bounded memory, for lists of any size: valid IDs are spilled into hash
 * partitions on disk, each partition is sorted to find every ID's first occurrence, and the
 * survivors are merged back into source order. Used only by {@link com.leadlex.importer.staging.ContactListStager}.
 */
package com.leadlex.importer.staging.dedupe;
