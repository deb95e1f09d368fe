package com.leadlex.importer.leadlex;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.leadlex.importer.system.Sleeper;

/**
 * How every LeadLex call on a key waits: for a quota slot that is still valid when the wait is
 * over (a Retry-After may have come meanwhile), and for a backoff, in whole milliseconds. One copy
 * for the add-contacts client and the contacts calls, so both wait alike.
 */
final class QuotaSlotWait {

    private static final Logger log = LoggerFactory.getLogger(QuotaSlotWait.class);
    private static final Duration LOGGED_QUOTA_WAIT = Duration.ofSeconds(1);

    private final Sleeper sleeper;
    private final LeadLexWatchers watchers;

    QuotaSlotWait(Sleeper sleeper, LeadLexWatchers watchers) {
        this.sleeper = sleeper;
        this.watchers = watchers;
    }

    QuotaSlot awaitSlot(QuotaGate gate, int attempts, String key, QuotaWaitListener waits, boolean mayHaveReached) {
        while (true) {
            QuotaSlot slot = gate.reserve(attempts);
            boolean shown = slot.delay().compareTo(LOGGED_QUOTA_WAIT) > 0;
            if (shown) {
                log.info("Waiting {} ms for LeadLex quota on key {} ({}), until {}", slot.delay().toMillis(), key,
                        slot.reason(), slot.at());
                tell(() -> waits.waiting(slot.at(), slot.reason(), mayHaveReached));
            }
            if (!slot.delay().isZero()) {
                watchers.tell(watcher -> watcher.waitedForQuota(slot.delay()));
            }
            sleep(slot.delay());
            if (shown) {
                tell(waits::waitOver);
            }
            if (gate.confirm(slot)) {
                return slot;
            }
        }
    }

    void sleep(Duration duration) {
        // whole milliseconds, rounded up: waking a fraction early would find the slot not yet due
        Duration millis = duration.truncatedTo(ChronoUnit.MILLIS);
        try {
            sleeper.sleep(millis.equals(duration) ? duration : millis.plusMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to call LeadLex", e);
        }
    }

    /** Showing a wait must never cost the request its slot. */
    private static void tell(Runnable listenerCall) {
        try {
            listenerCall.run();
        } catch (RuntimeException e) {
            log.warn("Could not record a wait for LeadLex quota: {}", e.toString());
        }
    }
}
