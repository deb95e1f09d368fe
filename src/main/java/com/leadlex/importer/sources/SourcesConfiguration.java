package com.leadlex.importer.sources;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The idempotent repository every source route shares ({@code idempotentRepository:
 * "#sourceFileRepository"}): one row per file taken, keyed by the route's idempotent key (source,
 * path within the watched folder, size, modification time), in the job database, so a file is not taken twice across
 * restarts, and with several instances on one PostgreSQL only the instance whose insert wins takes
 * it. The table ({@code SOURCE_FILE_SEEN}) is Flyway's, not created on the fly.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SourcesProperties.class)
public class SourcesConfiguration {

    static final String TABLE = "SOURCE_FILE_SEEN";
    static final String PROCESSOR_NAME = "sources";

    @Bean
    JdbcMessageIdRepository sourceFileRepository(DataSource dataSource, SourcesProperties properties) {
        JdbcMessageIdRepository repository = new SourceFileRepository(dataSource, PROCESSOR_NAME,
                FolderFileKeys.of(properties));
        repository.setTableName(TABLE);
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
