package com.leadlex.importer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Durations and instants as the dashboard, the API's texts and the command line write them. */
class HumanTimeTest {

    @Test
    void durationsUseAtMostTwoUnitsRoundedToTheSmallerOne() {
        assertThat(HumanTime.duration(Duration.parse("PT5H54M57.78S"))).isEqualTo("5 h 55 min");
        assertThat(HumanTime.duration(Duration.ofSeconds(58))).isEqualTo("58 s");
        assertThat(HumanTime.duration(Duration.ofMinutes(2))).isEqualTo("2 min");
        assertThat(HumanTime.duration(Duration.ofHours(44).plusMinutes(10))).isEqualTo("1 d 20 h");
        assertThat(HumanTime.duration(Duration.ofHours(3))).isEqualTo("3 h");
        assertThat(HumanTime.duration(Duration.ofDays(2))).isEqualTo("2 d");
    }

    @Test
    void roundingCarriesIntoTheNextUnit() {
        assertThat(HumanTime.duration(Duration.ofSeconds(59).plusMillis(600))).isEqualTo("1 min");
        assertThat(HumanTime.duration(Duration.ofMinutes(59).plusSeconds(40))).isEqualTo("1 h");
        assertThat(HumanTime.duration(Duration.ofHours(23).plusMinutes(59).plusSeconds(50))).isEqualTo("1 d");
    }

    @Test
    void nothingOrLessIsZeroSeconds() {
        assertThat(HumanTime.duration(Duration.ZERO)).isEqualTo("0 s");
        assertThat(HumanTime.duration(Duration.ofMillis(400))).isEqualTo("0 s");
        assertThat(HumanTime.duration(Duration.ofSeconds(-5))).isEqualTo("0 s");
    }

    @Test
    void instantsAreWrittenInUtcWithTheDayWhenItMayDiffer() {
        Instant instant = Instant.parse("2026-12-02T14:05:31Z");

        assertThat(HumanTime.dayAndTime(instant)).isEqualTo("Wed 2 Dec 14:05 UTC");
        assertThat(HumanTime.timeOfDay(Instant.parse("2026-11-26T18:06:00Z"))).isEqualTo("18:06:00 UTC");
    }

    @Test
    void anEstimatedEndSaysWhenAndHowFarAway() {
        Instant now = Instant.parse("2026-11-30T18:05:00Z");

        assertThat(HumanTime.finishes(Instant.parse("2026-12-02T14:05:00Z"), now))
                .isEqualTo("finishes ~Wed 2 Dec 14:05 UTC (in 1 d 20 h)");
        assertThat(HumanTime.finishes(now.plusSeconds(20), now))
                .isEqualTo("finishes ~Mon 30 Nov 18:05 UTC (in under a minute)");
        assertThat(HumanTime.inTime(now.plus(Duration.ofMinutes(12)), now)).isEqualTo("in 12 min");
    }
}
