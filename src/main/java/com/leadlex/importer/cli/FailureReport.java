package com.leadlex.importer.cli;

import java.io.PrintStream;

import org.springframework.core.NestedExceptionUtils;

/**
 * Says in one line why a one-shot run could not start or finish: the settings at fault, or the
 * innermost cause. The stack trace is for {@code --debug} only.
 */
final class FailureReport {

    private final String command;
    private final boolean debug;
    private final PrintStream err;

    FailureReport(String command, boolean debug, PrintStream err) {
        this.command = command;
        this.debug = debug;
        this.err = err;
    }

    /** Prints the failure and returns the exit code it stands for. */
    ExitCode report(String what, RuntimeException failure) {
        UnusableSettingsException unusable = find(failure, UnusableSettingsException.class);
        if (unusable != null) {
            err.println(command + ": " + unusable.getMessage());
        } else {
            err.println(command + ": " + what + ": " + oneLine(NestedExceptionUtils.getMostSpecificCause(failure)));
            if (!debug) {
                err.println(command + ": run with --debug to see the stack trace");
            }
        }
        if (debug) {
            failure.printStackTrace(err);
        }
        return unusable != null ? ExitCode.BAD_INPUT : ExitCode.FAILED;
    }

    private static String oneLine(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
