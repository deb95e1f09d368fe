package com.leadlex.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.leadlex.importer.LeadLexImporterApplication;

/**
 * An import is always recoverable from the command line: {@code restart <id>} goes on with one that
 * failed (here: the key was revoked, then fixed), and {@code results <id>} writes its results again.
 */
class RestartAndResultsCommandTest {

    private static final Pattern IMPORT_ID = Pattern.compile("Import (\\d+) \\(");

    @TempDir
    Path workDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aFailedImportIsRestartedToItsEndAndItsResultsWrittenAgain() throws IOException {
        Path list = list(25);
        assertThat(run("import", "--campaign", "cmp_test", list.toString(), "--leadlex.api-key=wbk_sandbox_revoked"))
                .as(err.toString()).isEqualTo(ExitCode.REFUSED_BY_LEADLEX.getExitCode());
        long importId = importId();
        out.reset();

        int restarted = run("restart", Long.toString(importId), "--leadlex.api-key=wbk_sandbox_unmetered");

        assertThat(restarted).as(err.toString()).isEqualTo(ExitCode.DONE.getExitCode());
        assertThat(out.toString()).contains("Import " + importId).contains("COMPLETED").contains("25 added");
        out.reset();

        assertThat(run("results", Long.toString(importId))).as(err.toString()).isEqualTo(ExitCode.DONE.getExitCode());
        Path results = Path.of(out.toString().strip());
        assertThat(results).exists().hasFileName("results.csv");
        assertThat(Files.readAllLines(results)).filteredOn(line -> line.contains(",added,")).hasSize(25);
    }

    @Test
    void anUnknownOrMalformedImportIdIsBadInputInOneLine() {
        assertThat(run("restart", "999", "--leadlex.api-key=wbk_sandbox_unmetered"))
                .isEqualTo(ExitCode.BAD_INPUT.getExitCode());
        assertThat(err.toString()).contains("restart: there is no import 999").doesNotContain("Exception");
        err.reset();

        assertThat(run("results", "seven")).isEqualTo(ExitCode.BAD_INPUT.getExitCode());
        assertThat(err.toString()).contains("an import ID is a number");
    }

    private long importId() {
        Matcher matcher = IMPORT_ID.matcher(out.toString());
        assertThat(matcher.find()).as(out.toString()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private int run(String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        args.add("--leadlex.sandbox.enabled=true");
        args.add("--leadlex.base-url=http://127.0.0.1:${local.server.port}/sandbox");
        args.add("--importer.data-dir=" + workDir.resolve("data"));
        args.add("--importer.inbox=" + workDir.resolve("inbox"));
        return CommandLine.run(LeadLexImporterApplication.class, args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path list(int count) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        return Files.write(workDir.resolve("list.txt"), lines);
    }
}
