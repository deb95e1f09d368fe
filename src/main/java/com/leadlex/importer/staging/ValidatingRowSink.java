package com.leadlex.importer.staging;

import com.leadlex.importer.staging.dedupe.PartitionSpillWriter;

/**
 * Where the rows of any reader go: valid IDs to the partition spill, everything else to the
 * rejects file, each row counted once.
 */
final class ValidatingRowSink implements ContactRowSink {

    private final PartitionSpillWriter spill;
    private final RejectsCsvWriter rejects;
    private long rows;

    ValidatingRowSink(PartitionSpillWriter spill, RejectsCsvWriter rejects) {
        this.spill = spill;
        this.rejects = rejects;
    }

    @Override
    public void accept(long line, String rawValue) {
        rows++;
        ContactId id = ContactIdValidator.parseOrNull(rawValue);
        if (id == null) {
            rejects.write(line, rawValue, ContactIdValidator.rejectionReason(rawValue));
        } else {
            spill.write(line, id.msb(), id.lsb());
        }
    }

    @Override
    public void reject(long line, String rawValue, String reason) {
        rows++;
        rejects.write(line, rawValue, reason);
    }

    long rows() {
        return rows;
    }
}
