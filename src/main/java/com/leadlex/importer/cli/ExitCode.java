package com.leadlex.importer.cli;

import org.springframework.boot.ExitCodeGenerator;

/**
 * The exit codes a script can act on, as documented in {@link Usage} and the README. Each is an
 * {@link ExitCodeGenerator}, so a command's result goes to {@code SpringApplication.exit} as it is.
 */
public enum ExitCode implements ExitCodeGenerator {

    /** Done, or the same list was already imported into this campaign (dry run: the list has IDs to import). */
    DONE(0),
    /** Anything else: LeadLex kept failing or could not be reached, the application could not start. */
    FAILED(1),
    /** The list, the arguments or the settings (API key, data directory) are not usable. */
    BAD_INPUT(2),
    /** LeadLex refused the key (401), its permission (403) or the campaign (404). */
    REFUSED_BY_LEADLEX(3),
    /** The key's quota is used up; the same command resumes the import later. */
    PAUSED_ON_QUOTA(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    @Override
    public int getExitCode() {
        return code;
    }
}
