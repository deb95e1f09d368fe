package com.leadlex.importer.notify;

import java.sql.SQLException;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.leadlex.importer.system.PostgresTestDatabase;

/**
 * {@link NotificationOutboxAcrossNodesTests} on the machine's PostgreSQL, in a fresh schema: skipped
 * without a server, except under {@code CI=true}.
 */
@EnabledIf("com.leadlex.importer.system.PostgresTestDatabase#availableOrRequired")
class NotificationOutboxAcrossNodesOnPostgresTest extends NotificationOutboxAcrossNodesTests {

    @DynamicPropertySource
    static void freshSchema(DynamicPropertyRegistry registry) throws SQLException {
        PostgresTestDatabase.register(registry);
    }
}
