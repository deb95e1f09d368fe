package com.leadlex.importer.system;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets {@code importer.data-dir} be any relative path, as every other path setting may be. The
 * embedded H2 database lives in that folder, and H2 refuses a URL whose file path is relative
 * without saying so ({@code imports/data} stops start-up, {@code ./imports/data} is accepted): such
 * a setting is given the {@code ./} that means the same folder, before the URL is resolved.
 */
public class DataDirectoryPath implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "importer.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dataDir = environment.getProperty(PROPERTY);
        if (dataDir != null && !dataDir.isBlank() && isImplicitlyRelative(dataDir)) {
            environment.getPropertySources().addFirst(
                    new MapPropertySource("importerDataDirectoryMadeExplicit", Map.of(PROPERTY, "./" + dataDir)));
        }
    }

    static boolean isImplicitlyRelative(String path) {
        return !Path.of(path).isAbsolute() && !path.startsWith("~") && !path.startsWith("./")
                && !path.startsWith("../") && !path.equals(".") && !path.equals("..");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
