package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolLinesTest {

    @TempDir
    Path dir;

    @Test
    void readsLinesAsABufferedReaderWouldForTheSpoolsItWrites() throws IOException {
        assertThat(lines("a\nbb\r\n\nccc")).containsExactly("a", "bb", "", "ccc");
        assertThat(lines("a\nbb\n")).containsExactly("a", "bb");
        assertThat(lines("")).isEmpty();
        assertThat(lines("\n")).containsExactly("");
        assertThat(lines("é-ü\n")).containsExactly("é-ü");
    }

    @Test
    void linesAcrossTheBufferAndLongerThanItComeWhole() throws IOException {
        List<String> written = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            String line = i == 2500 ? "x".repeat(200_000) : "ct-" + i + "-" + "y".repeat(i % 97);
            written.add(line);
            text.append(line).append('\n');
        }

        assertThat(lines(text.toString())).isEqualTo(written);
    }

    private List<String> lines(String text) throws IOException {
        Path spool = Files.writeString(dir.resolve("spool-" + System.nanoTime()), text, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        try (SpoolLines reader = SpoolLines.open(spool)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
