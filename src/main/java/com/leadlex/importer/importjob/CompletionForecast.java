package com.leadlex.importer.importjob;

import java.time.Instant;
import java.util.Map;

/**
 * Every unfinished import's estimated end, as planned at {@code at}: an import is missing when its
 * end cannot be known (see {@link CompletionPlanner}) or when it is not unfinished.
 */
public record CompletionForecast(Instant at, Map<Long, Instant> etas) {

    public CompletionForecast {
        etas = Map.copyOf(etas);
    }

    /** The import's estimated end, or null. */
    public Instant etaOf(long importId) {
        return etas.get(importId);
    }
}
