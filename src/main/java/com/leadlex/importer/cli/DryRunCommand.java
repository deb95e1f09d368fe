package com.leadlex.importer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;

import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.intake.DryRunReport;
import com.leadlex.importer.intake.ImportDryRun;
import com.leadlex.importer.staging.ContactListRejectedException;

/**
 * {@code dry-run --campaign <id> <file>} (or {@code import --dry-run ...}): checks a list the way an
 * import would and prints its counts, the requests it takes and how long at the key's quota, without
 * calling LeadLex or registering an import. {@link ExitCode#DONE} when the list has valid IDs to
 * import, {@link ExitCode#BAD_INPUT} otherwise.
 */
final class DryRunCommand implements OneShotCommand {

    private final ImportCommandArguments arguments;
    private final PrintStream out;
    private final PrintStream err;

    DryRunCommand(ImportCommandArguments arguments, PrintStream out, PrintStream err) {
        this.arguments = arguments;
        this.out = out;
        this.err = err;
    }

    @Override
    public ExitCode run(ConfigurableApplicationContext context) {
        DryRunReport report;
        try (InputStream content = Files.newInputStream(arguments.file())) {
            report = context.getBean(ImportDryRun.class).check(content, arguments.file().getFileName().toString(),
                    arguments.campaignId());
        } catch (ContactListRejectedException e) {
            err.println("dry-run: " + arguments.file() + " cannot be imported: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println("dry-run: cannot read " + arguments.file() + ": " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        out.print(report.text());
        if (report.valid() == 0) {
            err.println("dry-run: no valid contact IDs in " + arguments.file() + "; contact IDs must be UUIDs");
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.DONE;
    }
}
