package com.leadlex.importer.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The machine's PostgreSQL for tests: {@code IMPORTER_TEST_POSTGRES_URL} (CI creates a database of
 * its own and sets it) or the server at 127.0.0.1:5432. Every test context gets a fresh schema, so
 * nothing depends on what earlier runs left behind. Without a server the PostgreSQL tests are
 * skipped, except under {@code CI=true}, where they must run and so fail loudly.
 */
public final class PostgresTestDatabase {

    public static final String URL = System.getenv().getOrDefault("IMPORTER_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String USER = System.getenv().getOrDefault("IMPORTER_TEST_POSTGRES_USER", "postgres");

    private PostgresTestDatabase() {
    }

    /** For {@code @EnabledIf}: run when the server answers, and always in CI. */
    public static boolean availableOrRequired() {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return true;
        }
        try (Connection ignored = DriverManager.getConnection(URL, USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates a fresh schema and points the datasource, Flyway and Spring Batch at it. */
    public static void register(DynamicPropertyRegistry registry) throws SQLException {
        freshSchema().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** A fresh schema as {@code --name=value} arguments. */
    public static List<String> freshSchemaArguments() throws SQLException {
        return freshSchema().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    /** A fresh schema, as a JDBC URL whose connections use it. */
    public static String freshSchemaUrl() {
        try {
            return freshSchema().get("spring.datasource.url");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a schema on " + URL, e);
        }
    }

    private static Map<String, String> freshSchema() throws SQLException {
        String schema = "importer_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        String separator = URL.contains("?") ? "&" : "?";
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", URL + separator + "currentSchema=" + schema);
        settings.put("spring.datasource.username", USER);
        settings.put("spring.datasource.password", "");
        settings.put("spring.flyway.schemas", schema);
        // a test context cached for later tests, or a node a test left idle, gives back its spare
        // connections after ten seconds: PostgreSQL allows 100 clients, and two builds side by side, each
        // with several nodes and cached contexts of ten connections apiece, ran out of them
        settings.put("spring.datasource.hikari.minimum-idle", "1");
        settings.put("spring.datasource.hikari.idle-timeout", "10000");
        return settings;
    }
}
