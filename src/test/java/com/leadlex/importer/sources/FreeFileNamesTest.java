package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names in done/ and failed/ never replace a file or an error report already there. */
class FreeFileNamesTest {

    @Test
    void aTakenNameGetsACounterBeforeItsExtensionCompressedOnesIncluded() {
        assertThat(FreeFileNames.numbered("list.csv", 2)).isEqualTo("list-2.csv");
        assertThat(FreeFileNames.numbered("list.csv.gz", 3)).isEqualTo("list-3.csv.gz");
        assertThat(FreeFileNames.numbered("LIST.JSON.GZ", 2)).isEqualTo("LIST-2.JSON.GZ");
        assertThat(FreeFileNames.numbered("noextension", 2)).isEqualTo("noextension-2");
        assertThat(FreeFileNames.numbered(".hidden", 2)).isEqualTo(".hidden-2");
    }

    @Test
    void theFirstNameWhereNeitherTheFileNorItsReportExistsIsChosen(@TempDir Path folder) throws IOException {
        assertThat(FreeFileNames.in(folder, "list.csv")).isEqualTo(folder.resolve("list.csv"));

        Files.writeString(folder.resolve("list.csv"), "x");
        Files.writeString(folder.resolve("list-2.csv.error.txt"), "a report whose list was taken away");

        assertThat(FreeFileNames.in(folder, "list.csv")).isEqualTo(folder.resolve("list-3.csv"));
    }
}
