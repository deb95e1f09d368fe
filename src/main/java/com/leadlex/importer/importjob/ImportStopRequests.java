package com.leadlex.importer.importjob;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Imports an operator asked to stop. The chunk writer looks here before each chunk and ends the
 * step as STOPPED at that boundary, so the chunk in flight finishes and is booked, the next is
 * never sent, and the execution stays restartable. (Spring Batch's own {@code JobOperator.stop}
 * on a chunk-oriented step was reported to end executions UNKNOWN, which cannot be restarted.)
 * Requests live in this process: a stop is for an import this node is running.
 */
@Component
public class ImportStopRequests {

    private final Set<Long> requested = ConcurrentHashMap.newKeySet();

    public void request(long importId) {
        requested.add(importId);
    }

    public boolean isRequested(long importId) {
        return requested.contains(importId);
    }

    public void clear(long importId) {
        requested.remove(importId);
    }
}
