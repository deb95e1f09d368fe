package com.leadlex.importer.importjob;

import java.sql.SQLException;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.leadlex.importer.system.PostgresTestDatabase;

/** The same retention on the machine's PostgreSQL (a fresh schema): its SQL is meant for both databases. */
@EnabledIf("com.leadlex.importer.system.PostgresTestDatabase#availableOrRequired")
class StagedIdsRetentionOnPostgresTest extends StagedIdsRetentionTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        PostgresTestDatabase.register(registry);
    }
}
