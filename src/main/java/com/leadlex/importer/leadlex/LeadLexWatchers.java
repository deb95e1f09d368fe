package com.leadlex.importer.leadlex;

import java.util.ArrayList;
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
    private volatile List<LeadLexActivity> settled;

    /**
     * @param watchers looked up on every event until {@link #settle()}, so watchers created after the
     *                 client are told too
     */
    public LeadLexWatchers(Iterable<LeadLexActivity> watchers) {
        this.watchers = watchers;
    }

    /**
     * Keeps the watchers there are now and stops looking them up: called once every singleton exists.
     * A look-up per event (one or two a request) walked the bean factory each time: 3% of the send phase's CPU.
     */
    void settle() {
        List<LeadLexActivity> now = new ArrayList<>();
        watchers.forEach(now::add);
        settled = List.copyOf(now);
    }

    void tell(Consumer<LeadLexActivity> event) {
        List<LeadLexActivity> known = settled;
        for (LeadLexActivity watcher : known != null ? known : watchers) {
            try {
                event.accept(watcher);
            } catch (RuntimeException e) {
                log.warn("A LeadLex activity watcher failed: {}", e.toString());
            }
        }
    }
}
