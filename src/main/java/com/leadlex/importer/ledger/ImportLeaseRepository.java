package com.leadlex.importer.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.leadlex.importer.system.IndependentWrites;

/**
 * The lease columns of CONTACT_IMPORT: which instance runs an import, and until when that holds
 * unless renewed. Every change is one conditional UPDATE in its own committed transaction, so two
 * instances (or two threads) that try at once cannot both win.
 */
@Repository
public class ImportLeaseRepository {

    private final JdbcTemplate jdbc;
    private final IndependentWrites writes;

    public ImportLeaseRepository(JdbcTemplate jdbc, IndependentWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** Takes the lease when nobody holds it, {@code owner} already does, or it expired; false otherwise. */
    public boolean acquire(long importId, String owner, Instant now, Instant expiresAt) {
        return writes.update("""
                UPDATE CONTACT_IMPORT SET LEASE_OWNER = ?, LEASE_EXPIRES_AT = ?
                WHERE ID = ? AND (LEASE_OWNER IS NULL OR LEASE_OWNER = ? OR LEASE_EXPIRES_AT < ?)""",
                owner, utc(expiresAt), importId, owner, utc(now)) == 1;
    }

    /** Extends every lease {@code owner} holds; returns how many. */
    public int renewAll(String owner, Instant expiresAt) {
        return writes.update("UPDATE CONTACT_IMPORT SET LEASE_EXPIRES_AT = ? WHERE LEASE_OWNER = ?",
                utc(expiresAt), owner);
    }

    public void release(long importId, String owner) {
        writes.update("UPDATE CONTACT_IMPORT SET LEASE_OWNER = NULL, LEASE_EXPIRES_AT = NULL "
                + "WHERE ID = ? AND LEASE_OWNER = ?", importId, owner);
    }

    public void releaseAll(String owner) {
        writes.update("UPDATE CONTACT_IMPORT SET LEASE_OWNER = NULL, LEASE_EXPIRES_AT = NULL WHERE LEASE_OWNER = ?",
                owner);
    }

    /** Frees a lease whose owner is known to be gone; only if that owner still holds it. */
    public boolean releaseFrom(long importId, String goneOwner) {
        return writes.update("UPDATE CONTACT_IMPORT SET LEASE_OWNER = NULL, LEASE_EXPIRES_AT = NULL "
                + "WHERE ID = ? AND LEASE_OWNER = ?", importId, goneOwner) == 1;
    }

    /** The lease as it stands: empty when nobody holds one. */
    public Optional<Lease> find(long importId) {
        List<Lease> found = jdbc.query("SELECT LEASE_OWNER, LEASE_EXPIRES_AT FROM CONTACT_IMPORT "
                + "WHERE ID = ? AND LEASE_OWNER IS NOT NULL", (rs, row) -> new Lease(rs.getString(1),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant()), importId);
        return found.stream().findFirst();
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Who holds an import's lease, and until when. */
    public record Lease(String owner, Instant expiresAt) {

        public boolean expiredAt(Instant now) {
            return expiresAt.isBefore(now);
        }
    }
}
