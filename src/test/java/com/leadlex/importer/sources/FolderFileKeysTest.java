package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FolderFileKeysTest {

    private static final Path INBOX = Path.of("/mnt/shared/inbox");

    private final FolderFileKeys keys = FolderFileKeys.of(new SourcesProperties(Map.of(
            "inbox", folder(INBOX.toString())), true, Duration.ofMinutes(10)));

    private static SourceProperties folder(String directory) {
        return new SourceProperties("folder", true, null, null, true, null, directory, null, null, null, null, null,
                null, null, "yes", null, null, null, false, null, null, null, null, null, null, null, null);
    }

    @Test
    void aKeyNamesTheFileByItsPathInsideTheWatchedFolder() {
        FolderFileKeys.TakenFile taken = keys.parse("inbox:cmp_1/list:2026.csv:120:1700000000000").orElseThrow();

        assertThat(taken.path()).isEqualTo(Path.of("cmp_1/list:2026.csv"));
        assertThat(taken.size()).isEqualTo(120);
        assertThat(taken.modified()).isEqualTo(1_700_000_000_000L);
        assertThat(keys.locate(taken)).isEqualTo(INBOX.resolve("cmp_1/list:2026.csv"));
    }

    @Test
    void theKeyAnEarlierVersionWroteForTheSameFileHeldItsAbsolutePath() {
        assertThat(keys.earlierFormOf("inbox:cmp_1/list.csv:120:1700000000000"))
                .contains("inbox:/mnt/shared/inbox/cmp_1/list.csv:120:1700000000000");
        assertThat(keys.earlierFormOf("inbox:/mnt/shared/inbox/cmp_1/list.csv:120:1700000000000")).isEmpty();
    }

    @Test
    void keysOfOtherSourcesOrOfNoFileAreNotFolderKeys() {
        assertThat(keys.parse("partner-sftp:list.csv:120:1700000000000")).isEmpty();
        assertThat(keys.parse("inbox:no-size-or-time")).isEmpty();
        assertThat(keys.earlierFormOf("partner-sftp:list.csv:120:1700000000000")).isEmpty();
    }
}
