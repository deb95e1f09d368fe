package com.leadlex.importer.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Turns the importer into a one-shot run once its configuration files are read, and before logging is
 * set up: no inbox, no web server unless the built-in sandbox needs one (it answers over HTTP on the
 * application's own port; then on 127.0.0.1 and a random port, so the command can run beside a
 * server), and log output kept to what a person at a terminal or a cron mail wants.
 */
final class OneShotEnvironmentListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String PROPERTY_SOURCE_NAME = "oneShotCommand";

    /**
     * Unless {@code --debug}: our own start and pause lines and warnings from everyone else, without
     * the reports that repeat, with a stack trace, what the command prints in one line, and without the
     * per-chunk lines that the progress line replaces.
     */
    private static final Map<String, String> QUIET_LOGGING = Map.ofEntries(
            Map.entry("logging.level.root", "WARN"),
            Map.entry("logging.level.com.leadlex.importer", "INFO"),
            // a line per chunk and per wait for quota: the progress line says where the import is instead,
            // and the summary the command prints ends it (the job's own summary line would only repeat it)
            Map.entry("logging.level.com.leadlex.importer.importjob.ContactChunkWriter", "WARN"),
            Map.entry("logging.level.com.leadlex.importer.leadlex.LeadLexClient", "WARN"),
            Map.entry("logging.level.com.leadlex.importer.importjob.ImportJobListener", "WARN"),
            // "Application run failed" and "APPLICATION FAILED TO START": the command names the cause itself
            Map.entry("logging.level.org.springframework.boot.SpringApplication", "OFF"),
            Map.entry("logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "OFF"),
            // "Exception encountered during context initialization - cancelling refresh attempt: <all of it>"
            Map.entry("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext",
                    "ERROR"),
            Map.entry("logging.level.org.springframework.boot.web.server.servlet.context"
                    + ".AnnotationConfigServletWebServerApplicationContext", "ERROR"),
            // a refused key or campaign fails the step with a stack trace; the printed summary says why
            Map.entry("logging.level.org.springframework.batch.core.step.AbstractStep", "OFF"),
            // "H2 is newer than the version Flyway was verified with": nothing a command's user can act on
            Map.entry("logging.level.org.flywaydb.core.internal.database.base.Database", "ERROR"),
            // "CamelContext has only been running for less than a second": a command is meant to end
            Map.entry("logging.level.org.apache.camel.spring.boot.SpringBootCamelContext", "ERROR"));

    private final String command;
    private final boolean debug;

    OneShotEnvironmentListener(String command, boolean debug) {
        this.command = command;
        this.debug = debug;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        addOneShotSettings(event.getEnvironment());
        event.getSpringApplication().setWebApplicationType(webApplicationType(event.getEnvironment()));
    }

    /** Only the built-in sandbox needs a web server in a one-shot run. */
    static WebApplicationType webApplicationType(Environment environment) {
        return environment.getProperty("leadlex.sandbox.enabled", Boolean.class, false) ? WebApplicationType.SERVLET
                : WebApplicationType.NONE;
    }

    /**
     * The settings outrank application.yml and the environment (a cron job must not take a running
     * server's port or watch its inbox), and yield only to the command's own {@code --name=value}
     * arguments.
     */
    private void addOneShotSettings(ConfigurableEnvironment environment) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("importer.cli.command", command);
        settings.put("server.port", "0");
        settings.put("server.address", "127.0.0.1");
        settings.put("camel.main.routes-include-pattern",
                "classpath:one-shot-mode-loads-no-source-routes/*.camel.yaml");
        // and makes no source route from the settings (importer.sources.*) either
        settings.put("importer.watch-sources", "false");
        if (!debug) {
            settings.putAll(QUIET_LOGGING);
        }
        MapPropertySource oneShot = new MapPropertySource(PROPERTY_SOURCE_NAME, settings);
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, oneShot);
        } else {
            sources.addFirst(oneShot);
        }
    }

    /** After the configuration files are read (with the profiles they name), just before logging is set up. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER - 1;
    }
}
