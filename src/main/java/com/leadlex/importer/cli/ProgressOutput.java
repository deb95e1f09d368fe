package com.leadlex.importer.cli;

import java.io.PrintStream;

/**
 * Where progress goes: one line redrawn in place on a terminal ({@code \r}, padded over a longer
 * line before it, the cursor left at its start so that a log line written meanwhile replaces it
 * rather than running on from its end), or plain lines for a file, a pipe or a cron mail. Once
 * cleared, it shows nothing more: the summary that follows has the terminal to itself.
 */
final class ProgressOutput {

    private final PrintStream out;
    private final boolean inPlace;
    private int shownLength;
    private boolean cleared;

    private ProgressOutput(PrintStream out, boolean inPlace) {
        this.out = out;
        this.inPlace = inPlace;
    }

    static ProgressOutput updatingLine(PrintStream out) {
        return new ProgressOutput(out, true);
    }

    static ProgressOutput plainLines(PrintStream out) {
        return new ProgressOutput(out, false);
    }

    synchronized void show(String line) {
        if (cleared) {
            return;
        }
        if (inPlace) {
            out.print("\r" + line + " ".repeat(Math.max(0, shownLength - line.length())) + "\r");
            shownLength = Math.max(shownLength, line.length());
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Removes the updating line, if one is shown, and ends the output. */
    synchronized void clear() {
        if (inPlace && shownLength > 0 && !cleared) {
            out.print("\r" + " ".repeat(shownLength) + "\r");
            out.flush();
        }
        cleared = true;
    }
}
