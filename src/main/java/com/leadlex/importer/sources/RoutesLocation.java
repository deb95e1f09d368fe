package com.leadlex.importer.sources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses where the source routes load from: {@code ./routes} when the importer runs from the
 * repository (or a folder with a routes/ directory someone edits), the copies packaged in the jar
 * ({@code classpath:routes/}) otherwise. Only the default pattern is switched; a pattern set
 * explicitly ({@code camel.main.routes-include-pattern}) is left as it is.
 */
public class RoutesLocation implements EnvironmentPostProcessor, Ordered {

    static final String PATTERN_PROPERTY = "camel.main.routes-include-pattern";
    static final String FROM_FOLDER = "file:routes/*.camel.yaml";
    static final String FROM_JAR = "classpath:routes/*.camel.yaml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        choose(environment, Path.of(""));
    }

    /** Switches the default pattern to the jar's routes when {@code workingDir} has no routes folder. */
    static void choose(ConfigurableEnvironment environment, Path workingDir) {
        if (FROM_FOLDER.equals(environment.getProperty(PATTERN_PROPERTY))
                && !Files.isDirectory(workingDir.resolve("routes"))) {
            environment.getPropertySources().addFirst(
                    new MapPropertySource("importerRoutesFromJar", Map.of(PATTERN_PROPERTY, FROM_JAR)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
