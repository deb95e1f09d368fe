package com.leadlex.importer.cli;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.ledger.ImportAuditRepository;

/**
 * What an operator does from the command line goes into the same audit as the API's actions, under
 * {@code command line (<OS user>)}: the process has no token or login, and the user who ran it is
 * who did it. The command runs the import in the foreground, so the action is recorded once it is
 * known, with the time it was asked for.
 */
final class CommandLineAudit {

    private final ImportAuditRepository audit;
    private final Instant askedAt;

    private CommandLineAudit(ImportAuditRepository audit, Instant askedAt) {
        this.audit = audit;
        this.askedAt = askedAt;
    }

    /** Starts the clock on an action: it is recorded as asked for now. */
    static CommandLineAudit askedNow(ConfigurableApplicationContext context) {
        return new CommandLineAudit(context.getBean(ImportAuditRepository.class),
                context.getBean(Clock.class).instant());
    }

    static String actor() {
        return "command line (" + System.getProperty("user.name", "unknown user") + ")";
    }

    void record(long importId, String action, String detail) {
        audit.record(importId, action, actor(), detail, askedAt);
    }
}
