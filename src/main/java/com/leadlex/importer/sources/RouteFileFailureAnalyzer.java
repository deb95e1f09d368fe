package com.leadlex.importer.sources;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a route file that Camel cannot load into the start-up message a person editing routes/
 * needs: which file, what is wrong with it (the YAML parser's or Camel's own words, with line and
 * column), and what to do, instead of only a long stack trace.
 */
public class RouteFileFailureAnalyzer implements FailureAnalyzer {

    private static final Pattern ROUTE_FILE = Pattern.compile("((?:file|classpath):[^\\s,]*\\.camel\\.ya?ml)");

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        String file = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher matcher = ROUTE_FILE.matcher(String.valueOf(cause.getMessage()));
            if (file == null && matcher.find()) {
                file = matcher.group(1);
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                return file == null ? null : analysis(file, cause);
            }
        }
        return null;
    }

    private static FailureAnalysis analysis(String file, Throwable problem) {
        String description = "The route file " + file + " could not be loaded:\n" + problem.getMessage();
        String action = "Fix " + file + " (routes are YAML in Camel's canonical form: check indentation, and "
                + "compare with the route files shipped in routes/), or move it out of the routes folder.";
        return new FailureAnalysis(description, action, problem);
    }
}
