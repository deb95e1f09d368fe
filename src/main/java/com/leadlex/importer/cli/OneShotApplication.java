package com.leadlex.importer.cli;

import java.io.PrintStream;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs {@code import} or {@code dry-run} in a Spring application that lives for that one command
 * ({@link OneShotEnvironmentListener}, {@link OneShotPreflight}), and hands the command's
 * {@link ExitCode} to {@link SpringApplication#exit}, which closes the application.
 */
final class OneShotApplication {

    private final Class<?> applicationClass;
    private final OneShotArguments arguments;
    private final FailureReport failures;

    OneShotApplication(Class<?> applicationClass, OneShotArguments arguments, PrintStream err) {
        this.applicationClass = applicationClass;
        this.arguments = arguments;
        this.failures = new FailureReport(arguments.commandName(), arguments.debug(), err);
    }

    int run(OneShotCommand command) {
        SpringApplication application = new SpringApplication(applicationClass);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(arguments.debug());
        application.addListeners(new OneShotEnvironmentListener(arguments.commandName(), arguments.debug()),
                new OneShotPreflight(arguments.needsApiKey()));
        ConfigurableApplicationContext context;
        try {
            context = application.run(arguments.springArguments().toArray(String[]::new));
        } catch (RuntimeException e) {
            return failures.report("could not start", e).getExitCode();
        }
        try {
            return SpringApplication.exit(context, command.run(context));
        } catch (RuntimeException e) {
            context.close();
            return failures.report("failed", e).getExitCode();
        }
    }
}
