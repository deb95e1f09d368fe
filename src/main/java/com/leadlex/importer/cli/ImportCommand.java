package com.leadlex.importer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

import com.leadlex.importer.LeadLexImporterApplication;
import com.leadlex.importer.importjob.ImportSummaries;
import com.leadlex.importer.importjob.ImportSummary;
import com.leadlex.importer.importjob.LaunchResult;
import com.leadlex.importer.intake.ContactListIntake;
import com.leadlex.importer.intake.IntakeResult;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.staging.ContactListRejectedException;

/**
 * {@code import --campaign <id> <file>}: runs one import in the foreground, prints its summary and
 * exits with a code a script can act on ({@code dry-run} or {@code --dry-run}: only checks the list,
 * see {@link DryRunCommand}). The inbox is not watched and the web server (needed only
 * by the sandbox) listens on a random local port, so it can run beside a running importer's
 * configuration without clashing.
 */
public final class ImportCommand {

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int REFUSED_BY_LEADLEX = 3;
    public static final int PAUSED_ON_QUOTA = 4;

    private static final Set<String> REFUSALS = Set.of("invalid_key", "insufficient_permissions", "campaign_not_found");

    private ImportCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        ImportCommandArguments arguments;
        try {
            arguments = ImportCommandArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println((args.length > 0 && args[0].equals("dry-run") ? "dry-run: " : "import: ") + e.getMessage());
            err.println(ImportCommandArguments.USAGE);
            return BAD_INPUT;
        }
        if (!Files.isReadable(arguments.file()) || Files.isDirectory(arguments.file())) {
            err.println("import: cannot read the file " + arguments.file());
            return BAD_INPUT;
        }
        SpringApplication application = new SpringApplication(LeadLexImporterApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.addInitializers(context -> oneShotMode(context.getEnvironment(),
                arguments.dryRun() ? "dry-run" : "import"));
        try (ConfigurableApplicationContext context = application.run(arguments.springArguments().toArray(String[]::new))) {
            return arguments.dryRun() ? DryRunCommand.run(context, arguments, out, err)
                    : importList(context, arguments, out, err);
        }
    }

    private static int importList(ConfigurableApplicationContext context, ImportCommandArguments arguments,
            PrintStream out, PrintStream err) {
        IntakeResult result;
        try (InputStream content = Files.newInputStream(arguments.file())) {
            result = context.getBean(ContactListIntake.class).accept(content, arguments.file().getFileName().toString(),
                    arguments.campaignId(), "cli", arguments.force(), true);
        } catch (ContactListRejectedException e) {
            err.println("import: " + arguments.file() + " was not imported: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("import: cannot read " + arguments.file() + ": " + e.getMessage());
            return BAD_INPUT;
        }
        if (result.launch().disposition() == LaunchResult.Disposition.ALREADY_RUNNING) {
            err.println("import: this list is being imported right now by import " + result.launch().importId());
            return FAILED;
        }
        ImportSummary summary = context.getBean(ImportSummaries.class)
                .describe(context.getBean(ImportRepository.class).findById(result.launch().importId()).orElseThrow());
        out.println(summary.oneLine());
        return exitCode(summary);
    }

    /**
     * Settings of the one-shot mode. They outrank application.yml and the environment (a cron job
     * must not take a running server's port or watch its inbox), and yield only to the command's
     * own {@code --name=value} arguments.
     */
    private static void oneShotMode(ConfigurableEnvironment environment, String command) {
        MapPropertySource oneShot = new MapPropertySource("importCommand", Map.of(
                "importer.cli.command", command,
                "server.port", "0",
                "server.address", "127.0.0.1",
                "camel.main.routes-include-pattern", "classpath:one-shot-mode-loads-no-source-routes/*.camel.yaml"));
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, oneShot);
        } else {
            sources.addFirst(oneShot);
        }
    }

    static int exitCode(ImportSummary summary) {
        return switch (summary.status()) {
            case COMPLETED, ALREADY_IMPORTED -> DONE;
            case PAUSED -> PAUSED_ON_QUOTA;
            case FAILED -> REFUSALS.contains(summary.lastErrorCode()) ? REFUSED_BY_LEADLEX : FAILED;
            default -> FAILED;
        };
    }
}
