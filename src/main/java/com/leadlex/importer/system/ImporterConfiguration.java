package com.leadlex.importer.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The bounded pool imports run on: at most {@code importer.max-concurrent-imports} at once, the
 * rest queued, so a burst of dropped files cannot open a thread (and a DB connection) each.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImporterProperties.class)
@EnableScheduling
public class ImporterConfiguration {

    @Bean
    ThreadPoolTaskExecutor importExecutor(ImporterProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.maxConcurrentImports());
        executor.setMaxPoolSize(properties.maxConcurrentImports());
        executor.setThreadNamePrefix("import-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
