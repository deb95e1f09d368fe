package com.leadlex.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * {@code importer.cli.progress}: left at {@code auto}, the command keeps one updating line on a
 * terminal and prints plain periodic lines anywhere else (a pipe, a cron mail); a mode that is set
 * stands either way.
 */
class ProgressSettingsTest {

    @Test
    void autoIsTheUpdatingLineOnATerminalAndPlainLinesElsewhere() {
        ProgressSettings defaults = ProgressSettings.of(new MockEnvironment());

        assertThat(defaults.progress()).isEqualTo(ProgressSettings.Mode.AUTO);
        assertThat(defaults.progressEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.resolved(true)).isEqualTo(ProgressSettings.Mode.TERMINAL);
        assertThat(defaults.resolved(false)).isEqualTo(ProgressSettings.Mode.LINES);
    }

    @Test
    void aModeThatIsSetStandsOnATerminalAndElsewhere() {
        ProgressSettings lines = ProgressSettings.of(new MockEnvironment()
                .withProperty("importer.cli.progress", "lines").withProperty("importer.cli.progress-every", "5s"));
        ProgressSettings none = ProgressSettings.of(new MockEnvironment().withProperty("importer.cli.progress", "none"));

        assertThat(lines.resolved(true)).isEqualTo(ProgressSettings.Mode.LINES);
        assertThat(lines.progressEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(none.resolved(true)).isEqualTo(ProgressSettings.Mode.NONE);
        assertThat(none.resolved(false)).isEqualTo(ProgressSettings.Mode.NONE);
    }
}
