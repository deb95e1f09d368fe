package com.leadlex.importer.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Several importer processes on one PostgreSQL schema, each with a data directory of its own (they
 * share no disk for the imports' data), as a team that outgrew one machine runs them. Nodes start
 * at once, in parallel, and can be killed one by one ({@code kill -9}).
 */
public final class NodeCluster implements AutoCloseable {

    private final List<Path> workDirs;
    private final List<ImporterProcess> nodes;
    private final List<String> databaseSettings;

    private NodeCluster(List<Path> workDirs, List<ImporterProcess> nodes, List<String> databaseSettings) {
        this.workDirs = workDirs;
        this.nodes = nodes;
        this.databaseSettings = databaseSettings;
    }

    /**
     * Starts {@code count} nodes named node-1, node-2, ... under {@code root}.
     *
     * @param settings each node's {@code --name=value} settings by index (0-based), besides its name
     *                 and the shared database
     */
    public static NodeCluster start(Path root, int count, IntFunction<List<String>> settings) throws SQLException {
        List<String> database = PostgresTestDatabase.freshSchemaArguments();
        List<Path> workDirs = new ArrayList<>();
        List<CompletableFuture<ImporterProcess>> starting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path workDir = root.resolve("node-" + (i + 1));
            workDirs.add(createDirectories(workDir));
            List<String> nodeSettings = new ArrayList<>(database);
            nodeSettings.add("--importer.node-name=node-" + (i + 1));
            nodeSettings.addAll(settings.apply(i));
            starting.add(CompletableFuture.supplyAsync(() -> ImporterProcess.start(workDir, nodeSettings)));
        }
        List<ImporterProcess> nodes = new ArrayList<>();
        try {
            for (CompletableFuture<ImporterProcess> node : starting) {
                nodes.add(node.join());
            }
        } catch (RuntimeException e) {
            nodes.forEach(ImporterProcess::close);
            starting.forEach(node -> node.thenAccept(ImporterProcess::close));
            throw e;
        }
        return new NodeCluster(workDirs, nodes, database);
    }

    public ImporterProcess node(int index) {
        return nodes.get(index);
    }

    public Path workDir(int index) {
        return workDirs.get(index);
    }

    public int size() {
        return nodes.size();
    }

    /** The nodes' shared database, for what a test reads straight from the ledger. */
    public JdbcTemplate database() {
        Map<String, String> settings = databaseSettings.stream().map(s -> s.substring(2).split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
        return new JdbcTemplate(new DriverManagerDataSource(settings.get("spring.datasource.url"),
                settings.get("spring.datasource.username"), settings.get("spring.datasource.password")));
    }

    /** GET on one node's API; the body as text. */
    public String get(int index, String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node(index).port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST with no body on one node's API; the status code. */
    public int post(int index, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node(index).port() + path))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        nodes.forEach(ImporterProcess::close);
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
