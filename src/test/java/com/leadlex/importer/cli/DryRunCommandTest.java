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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.leadlex.importer.LeadLexImporterApplication;

/**
 * {@code dry-run} (and {@code import --dry-run}) in-process, as {@code main} runs it: counts,
 * requests and time at the key's plan are printed, and LeadLex is never called: its URL here points
 * at a port where nothing listens.
 */
class DryRunCommandTest {

    @TempDir
    Path workDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aDryRunPrintsCountsRequestsAndTimeAndExitsZero() throws IOException {
        List<String> lines = ids(1_234);
        lines.add(lines.get(0));
        lines.add("not-an-id");
        Path list = Files.write(workDir.resolve("list.txt"), lines);

        int code = run("dry-run", "--campaign", "cmp_test", list.toString(), "--leadlex.plan=starter");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.DONE.getExitCode());
        assertThat(out.toString()).contains("nothing sent to LeadLex", "1236 rows: 1234 valid, 1 invalid, 1 duplicates",
                "3 request(s) of up to 500 IDs", "finishes ~", "(in under a minute) at 10 requests a minute, 100 requests a UTC day",
                "invalid line 1236: 'not-an-id'");
        assertThat(workDir.resolve("data").resolve("dry-runs")).isEmptyDirectory();
    }

    @Test
    void importWithTheDryRunFlagIsTheSame() throws IOException {
        Path list = Files.write(workDir.resolve("list.txt"), ids(10));

        int code = run("import", "--dry-run", "--campaign", "cmp_test", list.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.DONE.getExitCode());
        assertThat(out.toString()).contains("10 valid", "1 request(s)");
    }

    @Test
    void aListWithNothingToImportOrABadCampaignExitsTwo() throws IOException {
        Path noIds = Files.writeString(workDir.resolve("no-ids.txt"), "nope\nstill-nope\n");
        Path good = Files.write(workDir.resolve("list.txt"), ids(3));

        assertThat(run("dry-run", "--campaign", "cmp_test", noIds.toString()))
                .isEqualTo(ExitCode.BAD_INPUT.getExitCode());
        assertThat(err.toString()).contains("no valid contact IDs");
        assertThat(run("dry-run", "--campaign", "a/b", good.toString())).isEqualTo(ExitCode.BAD_INPUT.getExitCode());
        assertThat(run("dry-run", good.toString())).isEqualTo(ExitCode.BAD_INPUT.getExitCode());
        assertThat(err.toString()).contains("dry-run: --campaign <campaign-id> is required",
                "dry-run --campaign <campaign-id> <file>");
    }

    private int run(String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        args.add("--leadlex.base-url=http://127.0.0.1:9/nothing-listens-here");
        args.add("--leadlex.api-key=wbk_sandbox_unmetered");
        args.add("--importer.data-dir=" + workDir.resolve("data"));
        args.add("--importer.inbox=" + workDir.resolve("inbox"));
        return CommandLine.run(LeadLexImporterApplication.class, args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }
}
