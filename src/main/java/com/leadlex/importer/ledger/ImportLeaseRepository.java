package com.leadlex.importer.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.leadlex.importer.system.IndependentWrites;

/**
 * The columns of CONTACT_IMPORT that nodes share to run imports together: the lease (which instance
 * runs an import, and until when that holds unless renewed), the instance that ran it last, and an
 * operator's stop request. Every change is one conditional UPDATE in its own committed transaction,
 * so two instances (or two threads) that try at once cannot both win.
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
                UPDATE CONTACT_IMPORT SET LEASE_OWNER = ?, LEASE_EXPIRES_AT = ?, RUN_BY = ?
                WHERE ID = ? AND (LEASE_OWNER IS NULL OR LEASE_OWNER = ? OR LEASE_EXPIRES_AT < ?)""",
                owner, utc(expiresAt), owner, importId, owner, utc(now)) == 1;
    }

    /** Takes the lease from an owner known to be gone; only if that owner still holds it. */
    public boolean takeOver(long importId, String goneOwner, String owner, Instant expiresAt) {
        return writes.update("""
                UPDATE CONTACT_IMPORT SET LEASE_OWNER = ?, LEASE_EXPIRES_AT = ?, RUN_BY = ?
                WHERE ID = ? AND LEASE_OWNER = ?""", owner, utc(expiresAt), owner, importId, goneOwner) == 1;
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

    /** The lease as it stands: empty when nobody holds one. */
    public Optional<Lease> find(long importId) {
        return jdbc.query("SELECT ID, LEASE_OWNER, LEASE_EXPIRES_AT FROM CONTACT_IMPORT "
                + "WHERE ID = ? AND LEASE_OWNER IS NOT NULL", ImportLeaseRepository::lease, importId)
                .stream().findFirst();
    }

    /** Every lease held now (expired ones too), by import. */
    public List<Lease> findAll() {
        return jdbc.query("SELECT ID, LEASE_OWNER, LEASE_EXPIRES_AT FROM CONTACT_IMPORT "
                + "WHERE LEASE_OWNER IS NOT NULL ORDER BY ID", ImportLeaseRepository::lease);
    }

    /** The instance that runs or last ran each of {@code importIds}; imports never run are left out. */
    public Map<Long, String> runBy(Collection<Long> importIds) {
        Map<Long, String> runBy = new HashMap<>();
        if (importIds.isEmpty()) {
            return runBy;
        }
        String placeholders = String.join(", ", Collections.nCopies(importIds.size(), "?"));
        jdbc.query("SELECT ID, RUN_BY FROM CONTACT_IMPORT WHERE RUN_BY IS NOT NULL AND ID IN (" + placeholders + ")",
                (ResultSet rs) -> {
                    runBy.put(rs.getLong(1), rs.getString(2));
                }, importIds.toArray());
        return runBy;
    }

    /** Marks an operator's request to stop the import, for whichever instance runs it. */
    public void requestStop(long importId, Instant at) {
        writes.update("UPDATE CONTACT_IMPORT SET STOP_REQUESTED_AT = ? WHERE ID = ?", utc(at), importId);
    }

    public void clearStop(long importId) {
        writes.update("UPDATE CONTACT_IMPORT SET STOP_REQUESTED_AT = NULL WHERE ID = ? AND STOP_REQUESTED_AT IS NOT NULL",
                importId);
    }

    /** The imports {@code owner} holds whose stop an operator has asked for. */
    public List<Long> stopsRequestedOf(String owner) {
        return jdbc.queryForList("SELECT ID FROM CONTACT_IMPORT WHERE LEASE_OWNER = ? AND STOP_REQUESTED_AT IS NOT NULL",
                Long.class, owner);
    }

    private static Lease lease(ResultSet rs, int row) throws SQLException {
        return new Lease(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Who holds an import's lease, and until when. */
    public record Lease(long importId, String owner, Instant expiresAt) {

        public boolean expiredAt(Instant now) {
            return expiresAt.isBefore(now);
        }
    }
}
