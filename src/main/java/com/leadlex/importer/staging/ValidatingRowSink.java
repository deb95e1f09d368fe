package com.leadlex.importer.staging;

import java.util.UUID;

import com.leadlex.importer.staging.dedupe.PartitionSpillWriter;

/**
 * Where the rows of any reader go: valid IDs to the partition spill, valid e-mail addresses to the
 * spill as their {@link EmailKeys} (so a repeat after normalization is a duplicate like a repeated
 * ID) and to {@code emails.csv}, everything else to the rejects file, each row counted once.
 */
final class ValidatingRowSink implements ContactRowSink {

    private final PartitionSpillWriter spill;
    private final RejectsCsvWriter rejects;
    private final EmailRowsWriter emails;
    private long rows;

    ValidatingRowSink(PartitionSpillWriter spill, RejectsCsvWriter rejects, EmailRowsWriter emails) {
        this.spill = spill;
        this.rejects = rejects;
        this.emails = emails;
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
    public void acceptEmail(long line, String rawEmail, String fullName) {
        rows++;
        String email = EmailAddresses.normalize(rawEmail);
        if (email.isEmpty()) {
            rejects.write(line, rawEmail, ContactIdValidator.EMPTY_EMAIL);
        } else if (!EmailAddresses.isValid(email)) {
            rejects.write(line, rawEmail, ContactIdValidator.INVALID_EMAIL);
        } else {
            UUID key = EmailKeys.of(email);
            spill.write(line, key.getMostSignificantBits(), key.getLeastSignificantBits());
            emails.write(line, email, fullName);
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

    /** Valid e-mail rows, repeats included. */
    long emailRows() {
        return emails.count();
    }
}
