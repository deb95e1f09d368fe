package com.leadlex.importer.staging;

import java.sql.SQLException;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.leadlex.importer.system.PostgresTestDatabase;

/** The same stored parts on the machine's PostgreSQL (a fresh schema): bytea there, binary varying on H2. */
@EnabledIf("com.leadlex.importer.system.PostgresTestDatabase#availableOrRequired")
class StoredImportFilesOnPostgresTest extends StoredImportFilesTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        PostgresTestDatabase.register(registry);
    }
}
