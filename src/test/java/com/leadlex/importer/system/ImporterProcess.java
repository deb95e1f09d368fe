package com.leadlex.importer.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import com.leadlex.importer.LeadLexImporterApplication;

/**
 * The importer in a process of its own, so a test can kill it the hard way ({@code kill -9}: no
 * shutdown hook, no flush, nothing closed) and then look at what it had acknowledged. It runs the
 * test's own classpath (through a class-data archive, {@link ImporterClassData}, when one could be made),
 * talks to its own sandbox, and writes its log beside its data.
 */
public final class ImporterProcess implements AutoCloseable {

    private static final Duration START_UP = Duration.ofMinutes(3);

    private final Process process;
    private final int port;
    private final Path log;

    private ImporterProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the importer on {@code workDir} and returns once it reports ready.
     *
     * @param settings {@code --name=value} arguments; one that names a default here (the sandbox, the
     *                 base URL) replaces it, since Spring would join two values of one option with a comma
     */
    public static ImporterProcess start(Path workDir, List<String> settings) {
        ImporterClassData.Launch launch = ImporterClassData.launch();
        int port = freePort();
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-cp", launch.classPath(),
                LeadLexImporterApplication.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--leadlex.sandbox.enabled=true",
                "--leadlex.base-url=http://127.0.0.1:" + port + "/sandbox",
                "--importer.data-dir=" + workDir.resolve("data"),
                "--importer.inbox=" + workDir.resolve("inbox"),
                // small lists get imports of their own unless a test turns pooling on (a later setting wins)
                "--importer.pool.below=0",
                "--spring.main.banner-mode=off"));
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (setting.startsWith("--") && equals > 0) {
                String key = setting.substring(0, equals + 1);
                command.removeIf(arg -> arg.startsWith(key));
            }
            command.add(setting);
        }
        try {
            Path log = workDir.resolve("importer-" + port + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            ImporterProcess importer = new ImporterProcess(process, port, log);
            try {
                await().atMost(START_UP).pollInterval(Duration.ofMillis(200))
                        .failFast("the importer process exited", () -> !process.isAlive())
                        .until(importer::ready);
            } catch (ConditionTimeoutException | TerminalFailureException e) {
                // the log sits in the test's temporary folder, which is gone by the time anyone reads
                // the report: its end goes into the failure itself
                importer.close();
                throw new AssertionError(e.getMessage() + "; the end of its log:\n" + importer.logTail(60), e);
            }
            return importer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JVM and its options, for the importer processes and for the run that makes their class-data
     * archive alike: an archive is refused by a JVM started with another heap layout.
     */
    static List<String> javaCommand() {
        return List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                // as the test JVMs (see the pom's argLine): G1's own threads cost more CPU than they save here
                "-XX:+UseSerialGC",
                // no /tmp/hsperfdata_* file: nothing a test starts writes outside target/
                "-XX:-UsePerfData",
                // the test JVM's temporary folder (target/): Tomcat's work folders go there, not to /tmp
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    }

    public int port() {
        return port;
    }

    /** The last {@code lines} lines of the process's log, for a failing test to show. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Whether the process has logged {@code text} so far. */
    public boolean logContains(String text) throws IOException {
        return Files.readString(log).contains(text);
    }

    /** SIGKILL, as {@code kill -9} sends it, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
