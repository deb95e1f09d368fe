package com.leadlex.importer.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Gives a test application a data directory and an inbox of its own, under the JVM's temporary
 * directory (the build points it at {@code target/}), so no test writes {@code data/} or
 * {@code inbox/} into the working folder and contexts never share an H2 file.
 */
public final class TestDirectories {

    private TestDirectories() {
    }

    public static void register(DynamicPropertyRegistry registry) throws IOException {
        Path workDir = Files.createTempDirectory("importer-it-");
        registry.add("importer.data-dir", () -> workDir.resolve("data").toString());
        registry.add("importer.inbox", () -> workDir.resolve("inbox").toString());
    }
}
