package com.leadlex.importer.sources;

import java.time.Instant;

/**
 * A change in a source that a person should hear of: it started failing, it recovered, or it
 * rejected a file. Published once per change (not per failed poll), for listeners such as
 * notifications that this package does not know.
 *
 * @param file the rejected file's name, for {@link Kind#FILE_REJECTED}; else null
 */
public record SourceEvent(Kind kind, String source, String routeId, String reason, String file, Instant at) {

    public enum Kind {
        FAILING, RECOVERED, FILE_REJECTED
    }
}
