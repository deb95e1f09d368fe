package com.leadlex.importer.leadlex;

import java.time.Instant;
import java.util.function.Function;

/**
 * Where one key's {@link KeyQuota} is kept and changed: in its gate's memory
 * ({@link MemoryQuotaBook}), or in the database that every node on it shares
 * ({@link DatabaseQuotaBook}). Its gate calls it under the gate's own lock, one call at a time.
 */
interface QuotaBook {

    /**
     * The time windows are cut by. A book in the database answers with the database's time, so nodes
     * agree on window boundaries whatever their own clocks say.
     */
    Instant now();

    /**
     * Runs {@code decision} on the key's quota as it stands, its counts included, under a lock that
     * everyone sharing the book respects, and keeps what the decision changed; nothing when it throws.
     */
    <T> T change(Function<KeyQuota, T> decision);

    /** As {@link #change}, for a decision that needs no counts (LeadLex's word, a slot given back): cheaper. */
    <T> T changeWord(Function<KeyQuota, T> decision);

    /** The key's word (no counts) as it stands now, read without that lock. */
    KeyQuota word();

    /**
     * Counts a request on a key that nothing meters ({@link KeyQuota#nothingMeters()} in {@code seen}),
     * without taking the lock; returns the slot's sequence number.
     */
    long countUnmetered(KeyQuota seen, Instant at);

    /**
     * The key's quota, counts included, for showing and planning: as it stands, or as last known while
     * it cannot be read (the database is away).
     */
    KeyQuota show();

    /** Writes counts held back to save work, if any: the process is ending. */
    void flush();
}
