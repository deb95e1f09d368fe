package com.leadlex.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * An import is always recoverable from the command line: {@code restart <id>} goes on with one that
 * failed (here: the key was revoked, then fixed), and {@code results <id>} writes its results again;
 * the upload and the restart are in the import's audit under the user who ran the command.
 */
class RestartAndResultsCommandTest {

    private static final Pattern IMPORT_ID = Pattern.compile("Import (\\d+) \\(");

    @TempDir
    Path workDir;

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();


    @Test
    void aFailedImportIsRestartedToItsEndAndItsResultsWrittenAgain() throws IOException {
        Path list = harness().list(25);
        assertThat(run("import", "--campaign", "cmp_test", list.toString(), "--leadlex.api-key=wbk_sandbox_revoked"))
                .as(err.toString()).isEqualTo(ExitCode.REFUSED_BY_LEADLEX.getExitCode());
        long importId = importId();
        out.setLength(0);

        int restarted = run("restart", Long.toString(importId), "--leadlex.api-key=wbk_sandbox_unmetered");

        assertThat(restarted).as(err.toString()).isEqualTo(ExitCode.DONE.getExitCode());
        assertThat(out.toString()).contains("Import " + importId).contains("COMPLETED").contains("25 added");
        String user = "command line (" + System.getProperty("user.name") + ")";
        assertThat(auditOf(importId)).as("who did it, in the same audit as the API's")
                .containsExactly("upload by " + user, "restart by " + user);
        out.setLength(0);

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
        err.setLength(0);

        assertThat(run("results", "seven")).isEqualTo(ExitCode.BAD_INPUT.getExitCode());
        assertThat(err.toString()).contains("an import ID is a number");
    }

    /** The import's audit entries as the database holds them, once the command has ended. */
    private List<String> auditOf(long importId) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + workDir.resolve("data").resolve("importer"), "sa", "");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT ACTION, ACTOR FROM IMPORT_AUDIT WHERE IMPORT_ID = ? ORDER BY ID")) {
            query.setLong(1, importId);
            List<String> entries = new java.util.ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(rows.getString("ACTION") + " by " + rows.getString("ACTOR"));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long importId() {
        Matcher matcher = IMPORT_ID.matcher(out.toString());
        assertThat(matcher.find()).as(out.toString()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private int run(String... words) {
        CommandLineHarness harness = harness();
        int code = harness.runOnSandbox(List.of(words));
        out.append(harness.out.toString(StandardCharsets.UTF_8));
        err.append(harness.err.toString(StandardCharsets.UTF_8));
        return code;
    }

    private CommandLineHarness harness() {
        return new CommandLineHarness(workDir);
    }

}
