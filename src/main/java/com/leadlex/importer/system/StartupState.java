package com.leadlex.importer.system;

import org.springframework.stereotype.Component;

/**
 * Whether the start-up sequence has let work in: Camel started and interrupted work recovered (the
 * source routes start right after). Intake and scheduled work ask before they do anything, because
 * Spring may fire a {@code @Scheduled} method before Camel has started or recovery has run; an early
 * tick then simply does nothing and the next one does the work.
 */
@Component
public class StartupState {

    private volatile boolean complete;

    public boolean isComplete() {
        return complete;
    }

    void markComplete() {
        complete = true;
    }
}
