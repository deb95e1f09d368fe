/**
 * De-duplication in bounded memory, for lists of any size: valid IDs are spilled into hash
 * partitions on disk, each partition is sorted to find every ID's first occurrence, and the
 * survivors are merged back into source order. Used only by staging's ContactListStager; it knows nothing of files other than its own.
 */
package com.leadlex.importer.staging.dedupe;
