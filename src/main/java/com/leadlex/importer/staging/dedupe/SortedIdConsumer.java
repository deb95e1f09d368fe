package com.leadlex.importer.staging.dedupe;

/**
 * Receives every unique ID of a list once, in ascending unsigned order (most significant half
 * first), as the de-duplication visits its partitions: the order an order-independent content
 * hash needs.
 */
@FunctionalInterface
public interface SortedIdConsumer {

    void accept(long msb, long lsb);
}
