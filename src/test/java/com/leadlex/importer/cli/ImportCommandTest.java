package com.leadlex.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * The one-shot command, run in-process as {@code main} would run it, against the sandbox: the
 * summary it prints and each documented exit code.
 */
class ImportCommandTest {

    @TempDir
    Path workDir;

    private CommandLineHarness cli;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void harness() {
        cli = new CommandLineHarness(workDir);
        out = cli.out;
        err = cli.err;
    }

    @Test
    void importsAListPrintsTheSummaryAndExitsZero() throws IOException {
        int code = run("--campaign", "cmp_test", list(1_234).toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.DONE.getExitCode());
        assertThat(out.toString()).contains("COMPLETED").contains("1234 added").contains("3/3 chunks");
    }

    @Test
    void aDataDirectoryGivenAsAPlainRelativePathIsTheFolderItNames() throws IOException {
        Path dataDir = workDir.resolve("relative-data");
        String relative = Path.of("").toAbsolutePath().relativize(dataDir).toString();

        int code = run("--campaign", "cmp_test", list(10).toString(), "--importer.data-dir=" + relative);

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.DONE.getExitCode());
        assertThat(dataDir.resolve("importer.mv.db")).exists();
    }

    @Test
    void theSameListTwiceExitsZeroAndSaysItWasAlreadyImported() throws IOException {
        Path list = list(10);
        assertThat(run("--campaign", "cmp_test", list.toString())).isEqualTo(ExitCode.DONE.getExitCode());
        out.reset();

        assertThat(run("--campaign", "cmp_test", list.toString())).isEqualTo(ExitCode.DONE.getExitCode());
        assertThat(out.toString()).contains("ALREADY_IMPORTED").contains("nothing sent");
    }

    @Test
    void badInputExitsTwoWithAReason() throws IOException {
        Path noIds = Files.writeString(workDir.resolve("no-ids.csv"), "name;company\nX;Y\n");

        assertThat(run("--campaign", "cmp_test", noIds.toString())).isEqualTo(ExitCode.BAD_INPUT.getExitCode());
        assertThat(err.toString()).contains("was not imported").containsIgnoringCase("contact_id");

        assertThat(run("--campaign", "cmp_test", workDir.resolve("missing.csv").toString()))
                .isEqualTo(ExitCode.BAD_INPUT.getExitCode());
        assertThat(run(list(1).toString())).isEqualTo(ExitCode.BAD_INPUT.getExitCode());
        assertThat(err.toString()).contains("--campaign <campaign-id> is required").contains("Exit codes");
    }

    @Test
    void aKeyWithoutPermissionExitsThree() throws IOException {
        int code = run("--campaign", "cmp_test", list(10).toString(), "--leadlex.api-key=wbk_sandbox_readonly");

        assertThat(code).isEqualTo(ExitCode.REFUSED_BY_LEADLEX.getExitCode());
        assertThat(out.toString()).contains("FAILED").contains("campaigns:write");
    }

    @Test
    void aUsedUpDayQuotaExitsFourWithTheResumeTime() throws IOException {
        int code = run("--campaign", "cmp_test", list(3).toString(), "--importer.chunk-size=1",
                "--leadlex.requests-per-day=2");

        assertThat(code).isEqualTo(ExitCode.PAUSED_ON_QUOTA.getExitCode());
        assertThat(out.toString()).contains("PAUSED").contains("resumes at");
    }

    @Test
    void withoutATerminalProgressComesAsPlainLinesAndTheSummaryStaysTheLastLine() throws IOException {
        int code = run("--campaign", "cmp_test", list(1_234).toString(), "--importer.chunk-size=100",
                "--leadlex.sandbox.latency=150ms", "--importer.cli.progress=lines",
                "--importer.cli.progress-every=200ms");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.DONE.getExitCode());
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).as(out.toString())
                .filteredOn(line -> line.matches("Import \\d+: \\d+/13 chunks, \\d+ of 1234 IDs, [\\d.]+ IDs/s, finishes ~.*"))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines.get(lines.size() - 1)).contains("COMPLETED", "1234 added", "13/13 chunks");
        assertThat(out.toString()).doesNotContain("\r");
    }

    @Test
    void onATerminalOneLineIsRedrawnAndClearedBeforeTheSummary() throws IOException {
        int code = run("--campaign", "cmp_test", list(1_234).toString(), "--importer.chunk-size=100",
                "--leadlex.sandbox.latency=150ms", "--importer.cli.progress=terminal",
                "--importer.cli.progress-every=200ms");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.DONE.getExitCode());
        String printed = out.toString();
        assertThat(printed).containsPattern("\rImport \\d+: \\d+/13 chunks, .* IDs/s, finishes ~");
        // the updating line is blanked out, and the summary is printed over it as the only real line
        String afterProgress = printed.substring(printed.lastIndexOf('\r') + 1);
        assertThat(afterProgress.lines().toList()).singleElement().asString().contains("COMPLETED", "1234 added");
        assertThat(printed.substring(0, printed.lastIndexOf('\r'))).doesNotContain("\n");
    }

    @Test
    void progressCanBeSwitchedOff() throws IOException {
        int code = run("--campaign", "cmp_test", list(1_234).toString(), "--importer.chunk-size=100",
                "--leadlex.sandbox.latency=150ms", "--importer.cli.progress=none",
                "--importer.cli.progress-every=200ms");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.DONE.getExitCode());
        assertThat(out.toString().lines().toList()).singleElement().asString().contains("COMPLETED");
    }

    private int run(String... words) {
        List<String> args = new ArrayList<>(List.of("import"));
        args.addAll(List.of(words));
        return cli.runOnSandbox(args);
    }

    private Path list(int count) throws IOException {
        return cli.list(count);
    }
}
