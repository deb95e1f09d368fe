package com.leadlex.importer.cli;

import org.springframework.boot.ExitCodeGenerator;

/**
 * The settings of a one-shot run cannot work (no API key, a data directory that cannot be written):
 * the message says which setting and what to do, in one line.
 */
final class UnusableSettingsException extends RuntimeException implements ExitCodeGenerator {

    UnusableSettingsException(String message) {
        super(message);
    }

    @Override
    public int getExitCode() {
        return ExitCode.BAD_INPUT.getExitCode();
    }
}
