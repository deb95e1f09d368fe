package com.leadlex.importer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.importjob.ImportSummaries;
import com.leadlex.importer.importjob.ImportSummary;
import com.leadlex.importer.importjob.LaunchResult;
import com.leadlex.importer.intake.ContactListIntake;
import com.leadlex.importer.intake.IntakeResult;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.staging.ContactListRejectedException;

/**
 * {@code import --campaign <id> <file>}: runs one import in the foreground, shows its progress while it
 * runs ({@link ImportProgressReporter}), prints its summary and turns it into an {@link ExitCode} a
 * script can act on. The key was checked before the application
 * started ({@link OneShotPreflight}).
 */
final class ImportCommand implements OneShotCommand {

    private static final Set<String> REFUSALS = Set.of("invalid_key", "insufficient_permissions", "campaign_not_found");

    private final ImportCommandArguments arguments;
    private final PrintStream out;
    private final PrintStream err;

    ImportCommand(ImportCommandArguments arguments, PrintStream out, PrintStream err) {
        this.arguments = arguments;
        this.out = out;
        this.err = err;
    }

    @Override
    public ExitCode run(ConfigurableApplicationContext context) {
        IntakeResult result;
        CommandLineAudit audit = CommandLineAudit.askedNow(context);
        try (InputStream content = Files.newInputStream(arguments.file());
                ImportProgressReporter progress = ImportProgressReporter.start(context, out,
                        System.console() != null)) {
            result = context.getBean(ContactListIntake.class).accept(content, arguments.file().getFileName().toString(),
                    arguments.campaignId(), "cli", arguments.force(), true);
        } catch (ContactListRejectedException e) {
            err.println("import: " + arguments.file() + " was not imported: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println("import: cannot read " + arguments.file() + ": " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        String fileName = arguments.file().getFileName().toString();
        audit.record(result.launch().importId(), "upload",
                fileName + " -> campaign " + arguments.campaignId() + ": " + result.launch().disposition());
        if (arguments.force()) {
            audit.record(result.launch().importId(), "force", "imported again even if imported before");
        }
        if (result.launch().disposition() == LaunchResult.Disposition.ALREADY_RUNNING) {
            err.println("import: this list is being imported right now by import " + result.launch().importId());
            return ExitCode.FAILED;
        }
        ImportSummary summary = context.getBean(ImportSummaries.class)
                .describe(context.getBean(ImportRepository.class).findById(result.launch().importId()).orElseThrow());
        out.println(summary.oneLine());
        return exitCode(summary);
    }

    static ExitCode exitCode(ImportSummary summary) {
        return switch (summary.status()) {
            case COMPLETED, ALREADY_IMPORTED -> ExitCode.DONE;
            case PAUSED -> ExitCode.PAUSED_ON_QUOTA;
            case FAILED -> REFUSALS.contains(summary.lastErrorCode()) ? ExitCode.REFUSED_BY_LEADLEX : ExitCode.FAILED;
            default -> ExitCode.FAILED;
        };
    }
}
