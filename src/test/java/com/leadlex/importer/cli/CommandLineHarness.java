package com.leadlex.importer.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.leadlex.importer.LeadLexImporterApplication;

/**
 * Runs the command line in-process as {@code main} would, with what it prints captured, its data
 * and inbox under the test's folder unless the words say otherwise, and random contact lists to
 * feed it.
 */
final class CommandLineHarness {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Path workDir;

    CommandLineHarness(Path workDir) {
        this.workDir = workDir;
    }

    /** Runs {@code words}, adding each of {@code defaults} whose {@code --name=} the words do not set. */
    int run(List<String> words, String... defaults) {
        List<String> args = new ArrayList<>(words);
        List<String> withDefaults = new ArrayList<>(List.of(defaults));
        withDefaults.add("--importer.data-dir=" + workDir.resolve("data"));
        withDefaults.add("--importer.inbox=" + workDir.resolve("inbox"));
        for (String setting : withDefaults) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            if (args.stream().noneMatch(arg -> arg.startsWith(name))) {
                args.add(setting);
            }
        }
        return CommandLine.run(LeadLexImporterApplication.class, args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Runs {@code words} against the built-in sandbox on an unmetered key (unless the words name another). */
    int runOnSandbox(List<String> words) {
        return run(words, "--leadlex.sandbox.enabled=true",
                "--leadlex.base-url=http://127.0.0.1:${local.server.port}/sandbox",
                "--leadlex.api-key=wbk_sandbox_unmetered");
    }

    /** A text list of {@code count} fresh random contact IDs. */
    Path list(int count) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        return Files.write(Files.createTempFile(workDir, "list-", ".txt"), lines);
    }
}
