package com.leadlex.importer.importjob;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.leadlex.importer.system.StartupState;
import com.leadlex.importer.system.TransientDatabaseFailures;

/**
 * Looks, once per lease time, for imports whose run was lost while the importer kept running: a run
 * that ended while the database was away (Spring Batch could not record its end and left it
 * UNKNOWN), or one whose owner stopped renewing its lease. Such an import is marked FAILED with the
 * reason and resumed from its last committed chunk ({@link InterruptedImportRecovery}), so a
 * database outage makes an import wait and go on by itself instead of leaving it stuck. While the
 * database is still away the look fails, and the next one tries again.
 */
@Component
@ConditionalOnProperty(name = "importer.cli.command", matchIfMissing = true, havingValue = "none")
class AbandonedImportSweeper {

    private static final Logger log = LoggerFactory.getLogger(AbandonedImportSweeper.class);

    private final InterruptedImportRecovery recovery;
    private final StartupState startup;

    AbandonedImportSweeper(InterruptedImportRecovery recovery, StartupState startup) {
        this.recovery = recovery;
        this.startup = startup;
    }

    @Scheduled(fixedDelayString = "${importer.lease-ttl:30s}", initialDelayString = "${importer.lease-ttl:30s}")
    void sweep() {
        if (!startup.isComplete()) {
            return;
        }
        try {
            recovery.recoverAbandoned("run_lost", "Its run was lost: the database went away while it ran, "
                    + "or the instance running it stopped renewing its lease");
        } catch (RuntimeException e) {
            log.warn("Could not look for imports whose run was lost (is the database away?): {}",
                    TransientDatabaseFailures.describe(e));
        }
    }
}
