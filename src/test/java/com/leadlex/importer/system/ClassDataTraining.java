package com.leadlex.importer.system;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.leadlex.importer.LeadLexImporterApplication;

/**
 * Makes {@link ImporterClassData}'s archive: the importer's classes as a jar (the JDK archives classes
 * from jars only), then a training run that starts the importer as a test would, with
 * {@code -XX:ArchiveClassesAtExit}, and ends once its context is refreshed.
 */
final class ClassDataTraining {

    private static final Logger log = LoggerFactory.getLogger(ClassDataTraining.class);
    private static final long TRAINING_LIMIT_SECONDS = 180;

    private ClassDataTraining() {
    }

    /**
     * Makes the jar of the importer's classes and the archive from a training run; false, with the reason
     * logged, when the run fails or takes too long.
     */
    static boolean make(Path classes, Path jar, Path archive, String classPath, Path folder)
            throws IOException {
        Files.deleteIfExists(archive);
        jarUp(classes, jar);
        // written aside and moved into place once whole: a training run outliving its test JVM cannot leave half of one
        Path partial = folder.resolve("importer-" + ProcessHandle.current().pid() + ".jsa.partial");
        Files.deleteIfExists(partial);
        Path training = folder.resolve("training");
        deleteTree(training);
        Path trainingLog = folder.resolve("training.log");
        List<String> command = new ArrayList<>(ImporterProcess.javaCommand());
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + partial,
                // Spring ends the process once the context is refreshed: every class a start loads, no more
                "-Dspring.context.exit=onRefresh",
                "-cp", classPath, LeadLexImporterApplication.class.getName(),
                "--server.port=0", "--server.address=127.0.0.1", "--leadlex.sandbox.enabled=true",
                "--importer.data-dir=" + training.resolve("data"), "--importer.inbox=" + training.resolve("inbox"),
                "--spring.main.banner-mode=off"));
        boolean ended = run(command, trainingLog);
        deleteTree(training);
        if (!ended || !Files.exists(partial)) {
            log.warn("Importer processes start without a class-data archive: the training run {}; see {}",
                    ended ? "ended without an archive" : "failed or took over " + TRAINING_LIMIT_SECONDS + " s",
                    trainingLog);
            Files.deleteIfExists(partial);
            return false;
        }
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Runs the training to its end within the limit; stopped with the test JVM, should that end first. */
    private static boolean run(List<String> command, Path trainingLog) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(trainingLog.toFile())
                .start();
        Thread stopTraining = new Thread(process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(stopTraining);
        try {
            return process.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            process.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(stopTraining);
        }
    }

    /** The importer's classes and resources, folders included, as a jar written beside and then moved into place. */
    private static void jarUp(Path classes, Path jar) throws IOException {
        Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial); JarOutputStream jarOut = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(path -> !path.equals(classes)).sorted().toList()) {
                String name = classes.relativize(path).toString().replace(File.separatorChar, '/');
                // folders too: Flyway's migrations and the route templates are found by listing theirs
                boolean folder = Files.isDirectory(path);
                jarOut.putNextEntry(new JarEntry(folder ? name + "/" : name));
                if (!folder) {
                    Files.copy(path, jarOut);
                }
                jarOut.closeEntry();
            }
        }
        Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
