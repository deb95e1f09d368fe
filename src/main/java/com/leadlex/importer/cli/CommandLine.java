package com.leadlex.importer.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

/**
 * What {@code main} hands its arguments to when they name a command: {@code import}, {@code dry-run},
 * {@code help} ({@code --help}, {@code -h}) or {@code --version}. Help and version need no Spring
 * application; the commands start one of their own ({@link OneShotApplication}) from the application
 * class that {@code main} passes in, so that class is known here without being imported.
 */
public final class CommandLine {

    private static final Set<String> COMMANDS = Set.of("import", "dry-run");
    private static final Set<String> IMPORT_ID_COMMANDS = Set.of("restart", "resume", "results");
    private static final Set<String> HELP_OPTIONS = Set.of("--help", "-h");
    private static final Set<String> VERSION_OPTIONS = Set.of("--version");

    private CommandLine() {
    }

    /**
     * True when the arguments are for this command line; false when they only configure the service
     * ({@code --name=value ...}, or none), which {@code main} then starts.
     */
    public static boolean handles(String[] args) {
        List<String> words = List.of(args);
        return !words.isEmpty() && (!words.get(0).startsWith("--") || asksFor(words, "help", HELP_OPTIONS)
                || asksFor(words, "version", VERSION_OPTIONS));
    }

    /** Runs what the arguments ask for and returns the process's exit code. */
    public static int run(Class<?> applicationClass, String[] args, PrintStream out, PrintStream err) {
        List<String> words = List.of(args);
        if (words.isEmpty() || asksFor(words, "help", HELP_OPTIONS)) {
            out.print(Usage.TEXT);
            return ExitCode.DONE.getExitCode();
        }
        if (asksFor(words, "version", VERSION_OPTIONS)) {
            out.println(Version.of(applicationClass));
            return ExitCode.DONE.getExitCode();
        }
        if (IMPORT_ID_COMMANDS.contains(words.get(0))) {
            return runOnImport(applicationClass, args, out, err);
        }
        if (!COMMANDS.contains(words.get(0))) {
            String kind = words.get(0).startsWith("-") ? "unknown option " : "unknown command ";
            return badArguments("leadlex-importer", kind + words.get(0), err);
        }
        ImportCommandArguments arguments;
        try {
            arguments = ImportCommandArguments.parse(args);
        } catch (IllegalArgumentException e) {
            return badArguments(words.get(0), e.getMessage(), err);
        }
        if (!Files.isReadable(arguments.file()) || Files.isDirectory(arguments.file())) {
            err.println(arguments.commandName() + ": cannot read the file " + arguments.file());
            return ExitCode.BAD_INPUT.getExitCode();
        }
        OneShotCommand command = arguments.dryRun() ? new DryRunCommand(arguments, out, err)
                : new ImportCommand(arguments, out, err);
        return new OneShotApplication(applicationClass, arguments, err).run(command);
    }

    private static int runOnImport(Class<?> applicationClass, String[] args, PrintStream out, PrintStream err) {
        ImportIdArguments arguments;
        try {
            arguments = ImportIdArguments.parse(args);
        } catch (IllegalArgumentException e) {
            return badArguments(args[0], e.getMessage(), err);
        }
        OneShotCommand command = arguments.commandName().equals("results") ? new ResultsCommand(arguments, out, err)
                : new RestartCommand(arguments, out, err);
        return new OneShotApplication(applicationClass, arguments, err).run(command);
    }

    /** {@code help} as the command, or {@code --help} anywhere (also after {@code import}). */
    private static boolean asksFor(List<String> words, String command, Set<String> options) {
        return words.get(0).equals(command) || words.stream().anyMatch(options::contains);
    }

    private static int badArguments(String command, String problem, PrintStream err) {
        err.println(command + ": " + problem);
        err.println();
        err.print(Usage.TEXT);
        return ExitCode.BAD_INPUT.getExitCode();
    }
}
