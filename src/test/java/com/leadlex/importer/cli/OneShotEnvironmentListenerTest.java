package com.leadlex.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The one-shot run is a web application only for the built-in sandbox, decided from the prepared
 * environment (wherever the setting comes from: a profile, a file, an argument); its settings outrank
 * the configuration files but yield to the command's own arguments.
 */
class OneShotEnvironmentListenerTest {

    @Test
    void withARealLeadLexTheRunIsNotAWebApplication() {
        assertThat(webApplicationTypeWith(Map.of())).isEqualTo(WebApplicationType.NONE);
        assertThat(webApplicationTypeWith(Map.of("leadlex.sandbox.enabled", "false")))
                .isEqualTo(WebApplicationType.NONE);
    }

    @Test
    void theSandboxAnswersOverHttpSoItGetsAServletWebServer() {
        assertThat(webApplicationTypeWith(Map.of("leadlex.sandbox.enabled", "true")))
                .isEqualTo(WebApplicationType.SERVLET);
    }

    @Test
    void oneShotSettingsOutrankTheFilesAndYieldToTheCommandsArguments() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource("--server.address=0.0.0.0"));
        environment.getPropertySources().addLast(new MapPropertySource("application.yml",
                Map.of("server.port", "8080", "camel.main.routes-include-pattern", "file:routes/*.camel.yaml")));

        prepare(new OneShotEnvironmentListener("import", false), environment);

        assertThat(environment.getPropertySources().precedenceOf(environment.getPropertySources()
                .get(OneShotEnvironmentListener.PROPERTY_SOURCE_NAME))).isEqualTo(1);
        assertThat(environment.getPropertySources().get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME))
                .isNotNull();
        assertThat(environment.getProperty("server.port")).isEqualTo("0");
        assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
        assertThat(environment.getProperty("importer.cli.command")).isEqualTo("import");
        assertThat(environment.getProperty("camel.main.routes-include-pattern")).doesNotStartWith("file:routes");
        assertThat(environment.getProperty("logging.level.org.springframework.boot.SpringApplication"))
                .isEqualTo("OFF");
    }

    @Test
    void debugKeepsSpringsOwnLogging() {
        StandardEnvironment environment = new StandardEnvironment();

        prepare(new OneShotEnvironmentListener("dry-run", true), environment);

        assertThat(environment.getProperty("importer.cli.command")).isEqualTo("dry-run");
        assertThat(environment.getProperty("logging.level.root")).isNull();
        assertThat(environment.getProperty("logging.level.org.springframework.boot.SpringApplication")).isNull();
    }

    private static WebApplicationType webApplicationTypeWith(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("application-demo.yml", settings));
        return prepare(new OneShotEnvironmentListener("import", false), environment).getWebApplicationType();
    }

    private static SpringApplication prepare(OneShotEnvironmentListener listener, StandardEnvironment environment) {
        SpringApplication application = new SpringApplication(Object.class);
        // neither of the two answers, so that either one proves the listener decided
        application.setWebApplicationType(WebApplicationType.REACTIVE);
        listener.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), application,
                new String[0], environment));
        return application;
    }
}
