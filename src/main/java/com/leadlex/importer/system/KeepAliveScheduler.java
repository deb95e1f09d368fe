package com.leadlex.importer.system;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A thread of its own for the few periodic tasks that keep this node a member of the cluster:
 * renewing its import leases, its heartbeat, looking for stops asked through other nodes. Spring's
 * scheduler has one thread, shared with work that can take long (the webhook batcher launching many
 * batches, a sweep recovering imports); a lease renewal waiting behind it past the lease's time to
 * live would let another node take over imports that are still running here. Not a bean of a
 * scheduler type, so Spring's own scheduler stays what {@code @Scheduled} uses. Stops with the
 * first sign of shutdown, before the database goes.
 */
@Component
public class KeepAliveScheduler {

    private static final Logger log = LoggerFactory.getLogger(KeepAliveScheduler.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code task} every {@code delay} (after it ends); a failure is logged and the next run goes ahead. */
    public void scheduleWithFixedDelay(Runnable task, Duration delay) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("A keep-alive task failed: {}", e.toString());
            }
        }, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    public void shutdown() {
        executor.shutdownNow();
    }
}
