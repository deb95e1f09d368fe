package com.leadlex.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The progress line redrawn in place on a terminal, or plain lines elsewhere; gone before the summary. */
class ProgressOutputTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void onATerminalOneLineIsRedrawnInPlaceAndClearedAtTheEnd() {
        ProgressOutput output = ProgressOutput.updatingLine(out);

        output.show("Import 7: 1/3 chunks");
        output.show("Import 7: 2/3");
        output.clear();
        output.show("Import 7: 3/3 chunks, too late");

        assertThat(text()).isEqualTo("\rImport 7: 1/3 chunks\r" + "\rImport 7: 2/3       \r" + "\r" + " ".repeat(20)
                + "\r").doesNotContain("\n");
    }

    @Test
    void elsewhereEachRefreshIsAPlainLine() {
        ProgressOutput output = ProgressOutput.plainLines(out);

        output.show("Import 7: 1/3 chunks");
        output.show("Import 7: 2/3 chunks");
        output.clear();

        assertThat(text()).isEqualTo("Import 7: 1/3 chunks" + System.lineSeparator() + "Import 7: 2/3 chunks"
                + System.lineSeparator()).doesNotContain("\r" + "I");
    }

    @Test
    void nothingShownMeansNothingToClear() {
        ProgressOutput.updatingLine(out).clear();

        assertThat(text()).isEmpty();
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
