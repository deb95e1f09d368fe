package com.leadlex.importer.cli;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * How {@code import} shows its progress ({@code importer.cli.*}).
 *
 * @param progress      {@code auto}: one updating line on a terminal, a plain line every {@code progressEvery}
 *                      otherwise (a cron mail, a pipe); or {@code terminal}, {@code lines}, {@code none}
 * @param progressEvery how often a plain progress line is printed
 */
record ProgressSettings(@DefaultValue("auto") Mode progress, @DefaultValue("30s") Duration progressEvery) {

    /** Refreshes of the updating line, at most this far apart. */
    static final Duration TERMINAL_REFRESH = Duration.ofSeconds(1);

    enum Mode { AUTO, TERMINAL, LINES, NONE }

    ProgressSettings {
        progress = progress == null ? Mode.AUTO : progress;
        progressEvery = progressEvery == null || progressEvery.isNegative() || progressEvery.isZero()
                ? Duration.ofSeconds(30) : progressEvery;
    }

    static ProgressSettings of(Environment environment) {
        return Binder.get(environment).bindOrCreate("importer.cli", ProgressSettings.class);
    }

    /** {@code auto} decided: a terminal is there when the JVM has a console (neither end redirected). */
    Mode resolved(boolean onTerminal) {
        return progress != Mode.AUTO ? progress : onTerminal ? Mode.TERMINAL : Mode.LINES;
    }
}
