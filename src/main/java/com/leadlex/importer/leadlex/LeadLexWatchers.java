package com.leadlex.importer.leadlex;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everyone who watches the client's {@link LeadLexActivity} (meters, the health check's last
 * sighting), told in turn; a watcher that fails is logged and never disturbs the request.
 */
public class LeadLexWatchers {

    /** Nobody watching: for clients built by hand. */
    public static final LeadLexWatchers NONE = new LeadLexWatchers(List.of());

    private static final Logger log = LoggerFactory.getLogger(LeadLexWatchers.class);

    private final Iterable<LeadLexActivity> watchers;

    /** @param watchers looked up on every event, so watchers created after the client are told too */
    public LeadLexWatchers(Iterable<LeadLexActivity> watchers) {
        this.watchers = watchers;
    }

    void tell(Consumer<LeadLexActivity> event) {
        for (LeadLexActivity watcher : watchers) {
            try {
                event.accept(watcher);
            } catch (RuntimeException e) {
                log.warn("A LeadLex activity watcher failed: {}", e.toString());
            }
        }
    }
}
