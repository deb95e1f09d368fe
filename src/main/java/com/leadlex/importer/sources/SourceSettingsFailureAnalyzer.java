package com.leadlex.importer.sources;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a source's unusable settings into the start-up message the person who wrote them needs:
 * which source, what is wrong, and where to fix it, instead of a stack trace through Camel.
 */
public class SourceSettingsFailureAnalyzer extends AbstractFailureAnalyzer<SourceSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SourceSettingsException cause) {
        String action = "Fix the settings under importer.sources." + cause.source() + " (the README's source "
                + "settings table and config/application-sources.yml.example show each kind), or switch the source "
                + "off with importer.sources." + cause.source() + ".enabled=false.";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
