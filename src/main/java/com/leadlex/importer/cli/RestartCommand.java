package com.leadlex.importer.cli;

import java.io.PrintStream;
import java.util.Optional;

import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.importjob.ImportOperations;
import com.leadlex.importer.importjob.ImportSummaries;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;

/**
 * {@code restart <import-id>}: goes on with a failed, stopped or paused import from its last
 * committed chunk, in the foreground, and exits like {@code import} does. {@code resume <import-id>}
 * does the same for a paused import now, sending its next request whatever the importer's records of
 * the quota say: LeadLex's answer decides whether it goes on (exit 0) or pauses again (exit 4).
 */
final class RestartCommand implements OneShotCommand {

    private final ImportIdArguments arguments;
    private final PrintStream out;
    private final PrintStream err;

    RestartCommand(ImportIdArguments arguments, PrintStream out, PrintStream err) {
        this.arguments = arguments;
        this.out = out;
        this.err = err;
    }

    @Override
    public ExitCode run(ConfigurableApplicationContext context) {
        ImportRepository imports = context.getBean(ImportRepository.class);
        Optional<ImportRecord> record = imports.findById(arguments.importId());
        if (record.isEmpty()) {
            err.println(arguments.commandName() + ": there is no import " + arguments.importId());
            return ExitCode.BAD_INPUT;
        }
        ImportOperations operations = context.getBean(ImportOperations.class);
        String command = arguments.commandName();
        CommandLineAudit audit = CommandLineAudit.askedNow(context);
        ImportOperations.Outcome outcome = command.equals("resume") ? operations.resumeNow(record.get(), true)
                : operations.restart(record.get(), true);
        if (!outcome.accepted()) {
            err.println(command + ": " + outcome.message());
            return ExitCode.BAD_INPUT;
        }
        audit.record(arguments.importId(), command, null);
        var summary = context.getBean(ImportSummaries.class).describe(imports.findById(arguments.importId()).orElseThrow());
        out.println(summary.oneLine());
        return ImportCommand.exitCode(summary);
    }
}
