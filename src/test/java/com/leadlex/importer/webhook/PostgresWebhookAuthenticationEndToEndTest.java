package com.leadlex.importer.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.leadlex.importer.importjob.PostgresTestDatabase;

/** The webhook authentication cases again, with events, claims and imports on PostgreSQL. */
@EnabledIf("com.leadlex.importer.importjob.PostgresTestDatabase#availableOrRequired")
class PostgresWebhookAuthenticationEndToEndTest extends WebhookAuthenticationEndToEndTest {

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        PostgresTestDatabase.register(registry);
    }

    @Test
    void runsOnPostgres() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
