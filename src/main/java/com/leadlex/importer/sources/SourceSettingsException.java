package com.leadlex.importer.sources;

/**
 * A source's settings ({@code importer.sources.<name>.*}) that cannot make a route: an unknown kind,
 * no directory, a cron Quartz does not read, a template that wants a parameter no setting gives.
 * Start-up stops with it, naming the source, so the person who wrote the settings knows where to look
 * ({@link SourceSettingsFailureAnalyzer} says what to do).
 */
public class SourceSettingsException extends RuntimeException {

    private final String source;

    public SourceSettingsException(String source, String problem) {
        this(source, problem, null);
    }

    public SourceSettingsException(String source, String problem, Throwable cause) {
        super("Source " + source + " (importer.sources." + source + "): " + problem, cause);
        this.source = source;
    }

    public String source() {
        return source;
    }
}
