package com.leadlex.importer.sources;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.FailedToStartRouteException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a route file or route template that Camel cannot load into the start-up message a person
 * editing routes/ needs: which file, which route (for a template, the source it was made for), what
 * is wrong (the YAML parser's or Camel's own words, with line and column), and what to do, instead
 * of only a long stack trace. A source's own settings errors are {@link SourceSettingsFailureAnalyzer}'s.
 */
public class RouteFileFailureAnalyzer implements FailureAnalyzer {

    private static final Pattern ROUTE_FILE = Pattern.compile("((?:file|classpath):[^\\s,)]*\\.camel\\.ya?ml)");

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        String file = null;
        String routeId = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SourceSettingsException) {
                return null;
            }
            Matcher matcher = ROUTE_FILE.matcher(String.valueOf(cause.getMessage()));
            if (file == null && matcher.find()) {
                file = matcher.group(1);
            }
            if (routeId == null) {
                routeId = routeIdOf(cause);
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                return file == null ? null : analysis(file, routeId, cause);
            }
        }
        return null;
    }

    private static String routeIdOf(Throwable cause) {
        if (cause instanceof FailedToCreateRouteException create) {
            return create.getRouteId();
        }
        return cause instanceof FailedToStartRouteException start ? start.getRouteId() : null;
    }

    private static FailureAnalysis analysis(String file, String routeId, Throwable problem) {
        if (routeId == null) {
            String description = "The route file " + file + " could not be loaded:\n" + problem.getMessage();
            String action = "Fix " + file + " (routes are YAML in Camel's canonical form: check indentation, and "
                    + "compare with the route files shipped in routes/), or move it out of the routes folder.";
            return new FailureAnalysis(description, action, problem);
        }
        String description = "The route " + routeId + " from " + file + " could not be made:\n" + problem.getMessage();
        String action = "Fix " + file + " (a route template's placeholders must be among its parameters:), or, if "
                + routeId + " is a source, its settings under importer.sources." + routeId + ".";
        return new FailureAnalysis(description, action, problem);
    }
}
