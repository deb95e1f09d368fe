package com.leadlex.importer.ledger;

import java.time.Instant;

/**
 * One thing someone did to an import.
 *
 * @param action {@code upload}, {@code start}, {@code stop}, {@code restart}, {@code resume} or {@code force}
 * @param actor  the operator (basic-auth user, {@code token:<name>}) or the part of the importer that did it
 */
public record AuditEntry(long id, long importId, String action, String actor, String detail, Instant at) {
}
