package com.leadlex.importer.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import com.leadlex.importer.leadlex.LeadLexProperties;
import com.leadlex.importer.system.ImporterProperties;

/**
 * Refuses a one-shot run whose settings cannot work before anything starts or is staged: an import
 * without an API key (a dry run calls nothing at LeadLex and needs none), or a data directory that
 * cannot be created or written. The settings are bound exactly as the application binds them, once
 * the environment is complete and logging is set up.
 */
final class OneShotPreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private final boolean needsApiKey;

    OneShotPreflight(boolean needsApiKey) {
        this.needsApiKey = needsApiKey;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Binder binder = Binder.get(event.getEnvironment());
        if (needsApiKey && binder.bindOrCreate("leadlex", LeadLexProperties.class).apiKey() == null) {
            throw new UnusableSettingsException("no API key: set LEADLEX_API_KEY (or --leadlex.api-key=...)");
        }
        requireWritable(binder.bindOrCreate("importer", ImporterProperties.class).dataDir());
    }

    private static void requireWritable(Path dataDir) {
        String problem;
        try {
            Files.createDirectories(dataDir);
            problem = Files.isWritable(dataDir) ? null : "permission denied";
        } catch (IOException e) {
            problem = reason(e);
        }
        if (problem != null) {
            throw new UnusableSettingsException("cannot write to the data directory " + dataDir + " (" + problem
                    + "); give a writable one with --importer.data-dir=<dir>");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way";
        }
        if (e instanceof NoSuchFileException) {
            return "it cannot be created there";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage();
    }

    /** Once the configuration is complete, whatever else listens. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
