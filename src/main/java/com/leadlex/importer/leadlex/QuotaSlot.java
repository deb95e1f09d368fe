package com.leadlex.importer.leadlex;

import java.time.Duration;
import java.time.Instant;

/**
 * A request the {@link QuotaGate} has counted in its windows: send it at {@code at}, that is after
 * waiting {@code delay}. {@code sequence} orders slots by when they were granted, on any node: the
 * key's count of slots granted, this one included (requests on a key that nothing meters are not
 * numbered and share the latest number); {@code reason} says what the wait is for, for the log.
 */
public record QuotaSlot(long sequence, Instant at, Duration delay, String reason) {
}
