package com.leadlex.importer.system;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times and durations as an operator reads them ("5 h 55 min", "Wed 2 Dec 14:05 UTC"), not as
 * ISO-8601 ({@code PT5H54M57.78S}). One formatter for every text the importer shows: the API's
 * state and ETA texts (which the dashboard displays as they are), the command line's progress and
 * the dry run, so the figures read the same everywhere. Always UTC: quota days are UTC days.
 */
public final class HumanTime {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter
            .ofPattern("EEE d MMM HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter
            .ofPattern("HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HumanTime() {
    }

    /**
     * The duration in at most two units, rounded to the smaller one: "45 s", "12 min",
     * "5 h 55 min", "1 d 20 h"; "0 s" for nothing or less than half a second.
     */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.plusMillis(500).getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = (seconds + 30) / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return twoUnits(minutes / 60, "h", minutes % 60, "min");
        }
        long hours = (seconds + 1_800) / 3_600;
        return twoUnits(hours / 24, "d", hours % 24, "h");
    }

    /** "Wed 2 Dec 14:05 UTC": for moments that may be another day, like a pause's end or an ETA. */
    public static String dayAndTime(Instant instant) {
        return DAY_AND_TIME.format(instant);
    }

    /** "18:06:00 UTC": for moments within minutes, like the end of a wait for the next quota minute. */
    public static String timeOfDay(Instant instant) {
        return TIME_OF_DAY.format(instant);
    }

    /** "in 1 d 20 h", "in 12 min", or "in under a minute", counted from {@code now}. */
    public static String inTime(Instant then, Instant now) {
        Duration left = Duration.between(now, then);
        return left.compareTo(Duration.ofMinutes(1)) < 0 ? "in under a minute" : "in " + duration(left);
    }

    /** "finishes ~Wed 2 Dec 14:05 UTC (in 1 d 20 h)": an estimated end, with how far away it is. */
    public static String finishes(Instant eta, Instant now) {
        return "finishes ~" + dayAndTime(eta) + " (" + inTime(eta, now) + ")";
    }

    private static String twoUnits(long big, String bigUnit, long small, String smallUnit) {
        return small == 0 ? big + " " + bigUnit : big + " " + bigUnit + " " + small + " " + smallUnit;
    }
}
