package com.leadlex.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;


/**
 * Routine failures of the one-shot command end in a line or two a person can act on and the
 * documented exit code: no stack trace, neither printed by the command nor logged by Spring.
 */
@ExtendWith(OutputCaptureExtension.class)
class OneShotFailuresTest {

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
    void aRevokedKeyExitsThreeWithTheReasonInOneLineAndNoStackTrace(CapturedOutput output) throws IOException {
        int code = run("import", "--campaign", "cmp_test", list(3).toString(), "--leadlex.sandbox.enabled=true",
                "--leadlex.base-url=http://127.0.0.1:${local.server.port}/sandbox",
                "--leadlex.api-key=wbk_sandbox_revoked");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.REFUSED_BY_LEADLEX.getExitCode());
        assertThat(out.toString().lines()).singleElement().asString().contains("FAILED", "HTTP 401", "invalid_key",
                "set LEADLEX_API_KEY");
        assertThat(err.toString()).isEmpty();
        String everything = output.getAll() + out + err;
        assertThat(everything).doesNotContain("\tat ", "at com.", "Exception", "APPLICATION FAILED TO START");
        assertThat(everything.lines().filter(line -> line.contains("invalid_key"))).hasSizeBetween(1, 2);
    }

    @Test
    void noApiKeyExitsTwoBeforeAnythingIsStaged(CapturedOutput output) throws IOException {
        Path dataDir = workDir.resolve("data");

        int code = run("import", "--campaign", "cmp_test", list(3).toString(), "--leadlex.api-key=");

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT.getExitCode());
        assertThat(err.toString()).isEqualTo("import: no API key: set LEADLEX_API_KEY (or --leadlex.api-key=...)\n");
        assertThat(out.toString()).isEmpty();
        assertThat(dataDir.resolve("imports")).doesNotExist();
        assertThat(output.getAll()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void aDryRunNeedsNoApiKey() throws IOException {
        int code = run("dry-run", "--campaign", "cmp_test", list(3).toString(), "--leadlex.api-key=");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.DONE.getExitCode());
        assertThat(out.toString()).contains("3 valid");
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenIsNamedInOneLine(CapturedOutput output) throws IOException {
        Path inTheWay = Files.writeString(workDir.resolve("not-a-folder"), "a file");
        Path dataDir = inTheWay.resolve("data");

        int code = run("import", "--campaign", "cmp_test", list(3).toString(), "--importer.data-dir=" + dataDir);

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT.getExitCode());
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("import: cannot write to the data directory " + dataDir)
                .contains("--importer.data-dir=");
        assertThat(output.getAll() + out).doesNotContain("\tat ", "Exception");
    }

    @Test
    void aFailedStartSaysItsRootCauseInOneLineAndPointsToDebug(CapturedOutput output) throws IOException {
        int code = run("import", "--campaign", "cmp_test", list(3).toString(),
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nothing-listens-here");

        assertThat(code).isEqualTo(ExitCode.FAILED.getExitCode());
        assertThat(err.toString().lines()).containsExactly("import: could not start: Connection refused",
                "import: run with --debug to see the stack trace");
        assertThat(output.getAll() + out).doesNotContain("\tat ", "APPLICATION FAILED TO START",
                "cancelling refresh attempt");
    }

    @Test
    void debugShowsTheStackTrace() throws IOException {
        int code = run("import", "--campaign", "cmp_test", list(3).toString(), "--importer.chunk-size=900", "--debug");

        assertThat(code).isEqualTo(ExitCode.FAILED.getExitCode());
        assertThat(err.toString()).startsWith("import: could not start: importer.chunk-size must be between 1 and 500")
                .contains("\tat ").doesNotContain("run with --debug");
    }

    /** The command against a LeadLex nobody answers at: these failures happen before any request. */
    private int run(String... words) {
        return cli.run(List.of(words), "--leadlex.api-key=wbk_sandbox_unmetered",
                "--leadlex.base-url=http://127.0.0.1:9/nothing-listens-here");
    }

    private Path list(int count) throws IOException {
        return cli.list(count);
    }
}
