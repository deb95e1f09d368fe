package com.leadlex.importer.system;

import java.sql.SQLException;
import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which database this run of the end-to-end tests uses. The build runs them on H2 and then runs the
 * ones tagged {@value #TAG} again with {@code -Dimporter.test.database=postgres} (see pom.xml): the
 * same tests, a second time, on the machine's PostgreSQL.
 */
public final class TestDatabase {

    /** Tag of the end-to-end tests that run on both databases. */
    public static final String TAG = "database";

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("importer.test.database", "h2"));
    }

    /** False only in a PostgreSQL run on a machine without PostgreSQL, outside CI: those tests are skipped. */
    public static boolean usable() {
        return !isPostgres() || PostgresTestDatabase.availableOrRequired();
    }

    /** What the JDBC driver calls the database of this run. */
    public static String productName() {
        return isPostgres() ? "PostgreSQL" : "H2";
    }

    /**
     * The same choice as {@code --name=value} arguments for an importer started as its own process or
     * application: on PostgreSQL a fresh schema (pass the same arguments again to restart on it), on
     * H2 none.
     */
    public static List<String> arguments() throws SQLException {
        return isPostgres() ? PostgresTestDatabase.freshSchemaArguments() : List.of();
    }

    /** On PostgreSQL, a fresh schema for this context; on H2, nothing (the data directory holds the file). */
    public static void register(DynamicPropertyRegistry registry) throws SQLException {
        if (isPostgres()) {
            PostgresTestDatabase.register(registry);
        }
    }
}
