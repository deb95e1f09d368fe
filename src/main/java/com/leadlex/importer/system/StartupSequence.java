package com.leadlex.importer.system;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The one start-up order: the database is migrated (Flyway, while the context refreshes), Camel has
 * started with its internal {@code direct:} routes only, then every {@link StartupStep} runs
 * (recovery of interrupted imports), then work may come in ({@link StartupState}: intake, scheduled
 * work), the source routes start, and the application reports ready ({@code ApplicationReadyEvent}
 * follows the runners). Source routes are kept from starting with Camel by
 * {@code camel.main.auto-startup-exclude-pattern} in application.yml.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupSequence implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupSequence.class);

    private final CamelContext camel;
    private final List<StartupStep> steps;
    private final StartupState state;

    public StartupSequence(CamelContext camel, List<StartupStep> steps, StartupState state) {
        this.camel = camel;
        this.steps = steps;
        this.state = state;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!camel.isStarted()) {
            // Camel starts when the context is refreshed; an ApplicationRunner runs after that
            throw new IllegalStateException("Camel has not started (status " + camel.getStatus()
                    + "); the importer cannot take in work");
        }
        for (StartupStep step : steps) {
            log.debug("Start-up: {}", step.description());
            step.run();
        }
        // recovery has run: work may come in from here on, and the first thing a source starting now
        // (a cron firing at once) does is hand a list in, which must not be refused as "still starting"
        state.markComplete();
        int started = startRoutesNotYetStarted();
        log.info("Start-up done: {} step(s) run, {} source route(s) started", steps.size(), started);
    }

    private int startRoutesNotYetStarted() throws Exception {
        int started = 0;
        for (Route route : camel.getRoutes()) {
            // a route switched off by its own settings (autoStartup false, e.g. a disabled source) stays off
            boolean wanted = !Boolean.FALSE.equals(route.isAutoStartup());
            if (wanted && !camel.getRouteController().getRouteStatus(route.getRouteId()).isStarted()) {
                camel.getRouteController().startRoute(route.getRouteId());
                started++;
            }
        }
        return started;
    }
}
