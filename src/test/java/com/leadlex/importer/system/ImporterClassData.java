package com.leadlex.importer.system;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.leadlex.importer.LeadLexImporterApplication;

/**
 * A class-data archive (AppCDS) for the importer processes that tests start. Each start then maps the
 * classes of the JDK and the libraries, already parsed and verified, instead of loading them from the
 * jars: on the 2-core machine a start to a refreshed context took 6.5 s of CPU instead of 10.4 (C1
 * only, as {@link ImporterProcess} runs), and the suite starts dozens of them.
 * <p>
 * The archive is made once per build (whenever the classpath or the importer's classes change), by
 * the first test JVM that needs it, while the others wait on a file lock: a training run starts the
 * importer as a test would and exits once its context is refreshed ({@link ClassDataTraining}). The
 * JDK archives classes from jars only, so the importer's classes go into a jar made from
 * {@code target/classes}, and the processes' classpath is that jar and the libraries:
 * {@code target/test-classes} is left off (the importer needs nothing from it, and a folder on the
 * classpath would stop the archive from being made). Everything stays under
 * {@code target/importer-cds/}. When the archive cannot be made, processes start without it, as before,
 * and the reason is logged once.
 */
final class ImporterClassData {

    private static final Logger log = LoggerFactory.getLogger(ImporterClassData.class);
    private static final String MAIN_CLASS_FILE = LeadLexImporterApplication.class.getName().replace('.', '/')
            + ".class";
    private static final String FAILED = "failed:";

    private static Launch launch;

    /** How an importer process starts: the JVM options the archive needs (none without it) and its classpath. */
    record Launch(List<String> jvmOptions, String classPath) {
    }

    private ImporterClassData() {
    }

    /** The launch every importer process of this test JVM uses, making the archive first if this build has none. */
    static synchronized Launch launch() {
        if (launch == null) {
            launch = prepare(System.getProperty("java.class.path"));
        }
        return launch;
    }

    private static Launch prepare(String testClassPath) {
        Launch without = new Launch(List.of(), testClassPath);
        List<String> entries = List.of(testClassPath.split(File.pathSeparator));
        Path classes = entries.stream().map(Path::of)
                .filter(entry -> Files.isRegularFile(entry.resolve(MAIN_CLASS_FILE))).findFirst().orElse(null);
        if (classes == null) {
            return without;
        }
        Path folder = classes.toAbsolutePath().getParent().resolve("importer-cds");
        Path jar = folder.resolve("importer-classes.jar");
        Path archive = folder.resolve("importer.jsa");
        List<String> archived = new ArrayList<>(List.of(jar.toString()));
        entries.stream().filter(entry -> entry.endsWith(".jar")).forEach(archived::add);
        String classPath = String.join(File.pathSeparator, archived);
        try {
            Files.createDirectories(folder);
            try (FileChannel lockFile = FileChannel.open(folder.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                String stamp = stamp(classPath, classes);
                Path stampFile = folder.resolve("stamp");
                String stamped = Files.exists(stampFile) ? Files.readString(stampFile) : "";
                if (stamped.equals(FAILED + stamp)) {
                    // another test JVM of this build tried and failed: not again, under the lock, in every fork
                    return without;
                }
                if (!stamped.equals(stamp) || !Files.exists(archive) || !Files.exists(jar)) {
                    boolean made = ClassDataTraining.make(classes, jar, archive, classPath, folder);
                    Files.writeString(stampFile, made ? stamp : FAILED + stamp);
                    if (!made) {
                        return without;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Importer processes start without a class-data archive: {}", e.toString());
            return without;
        }
        return new Launch(List.of("-XX:SharedArchiveFile=" + archive), classPath);
    }

    /**
     * What the archive was made from: the JVM, the classpath with each library jar's size and time, and
     * every file of the importer's classes with its time and size.
     */
    private static String stamp(String classPath, Path classes) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // the JVM and its options: an archive is only used with the settings it was made with
            digest.update((System.getProperty("java.home") + " " + Runtime.version() + " "
                    + String.join(" ", ImporterProcess.javaCommand()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (String entry : classPath.split(File.pathSeparator)) {
                Path jar = Path.of(entry);
                // the importer's own jar is made from the classes below; a library jar counts by its size and time
                String figures = Files.isRegularFile(jar) && !entry.endsWith("importer-classes.jar")
                        ? Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() : "";
                digest.update((entry + " " + figures + "\n").getBytes(StandardCharsets.UTF_8));
            }
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    digest.update((classes.relativize(file) + " " + Files.getLastModifiedTime(file).toMillis() + " "
                            + Files.size(file) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
