package com.leadlex.importer.importjob;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.StartupState;
import com.leadlex.importer.system.TransientDatabaseFailures;

/**
 * Looks, every third of {@code importer.lease-ttl}, for imports whose run was lost while the
 * importer kept running: a run that ended while the database was away (Spring Batch could not
 * record its end and left it UNKNOWN), one whose owner stopped renewing its lease (a node that died),
 * or one queued on a node that is gone. Such an import is resumed from its last committed chunk
 * ({@link InterruptedImportRecovery}), so a database outage makes an import wait and go on by itself,
 * and a dead node's imports go on here. Every node looks; the imports' leases decide which takes one.
 * <p>
 * A dead node's import is taken within a lease's time of its last renewal plus one look: with the
 * default 30 s, at most 30 s + 10 s after the node died, and the run that takes it over re-sends at
 * most the chunk that was in flight (booked {@code resent}). While the database is still away a look
 * fails, and the next one tries again.
 */
@Component
@ConditionalOnProperty(name = "importer.cli.command", matchIfMissing = true, havingValue = "none")
class AbandonedImportSweeper {

    private static final Logger log = LoggerFactory.getLogger(AbandonedImportSweeper.class);

    private final InterruptedImportRecovery recovery;
    private final StartupState startup;
    private final TaskScheduler scheduler;
    private final Duration interval;

    AbandonedImportSweeper(InterruptedImportRecovery recovery, StartupState startup, TaskScheduler scheduler,
            ImporterProperties properties) {
        this.recovery = recovery;
        this.startup = startup;
        this.scheduler = scheduler;
        this.interval = properties.leaseTtl().dividedBy(3);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSweeping() {
        scheduler.scheduleWithFixedDelay(this::sweep, scheduler.getClock().instant().plus(interval), interval);
    }

    void sweep() {
        if (!startup.isComplete()) {
            return;
        }
        try {
            recovery.sweep();
        } catch (RuntimeException e) {
            log.warn("Could not look for imports whose run was lost (is the database away?): {}",
                    TransientDatabaseFailures.describe(e));
        }
    }
}
