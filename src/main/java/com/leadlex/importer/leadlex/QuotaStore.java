package com.leadlex.importer.leadlex;

import java.time.Clock;

/**
 * Where the {@link QuotaGate}s keep each key's quota: what was counted per minute and per UTC day,
 * and what LeadLex said. The database ({@link QuotaUsageRepository}) shares it between every process
 * on it (nodes, the command line, a restarted server); {@link #NONE} keeps it in each gate's memory.
 */
public interface QuotaStore {

    /** Remembers nothing: each gate keeps its key's quota to itself, until its process ends (unit tests, tools). */
    QuotaStore NONE = (keyHash, keyMask, gateClock) -> new MemoryQuotaBook(gateClock);

    /**
     * The book one key's gate reserves in.
     *
     * @param keyHash   the key's SHA-256, how the key is known here
     * @param keyMask   the key masked, for people reading the store
     * @param gateClock the gate's clock, for a store that has no time of its own
     */
    QuotaBook book(String keyHash, String keyMask, Clock gateClock);
}
