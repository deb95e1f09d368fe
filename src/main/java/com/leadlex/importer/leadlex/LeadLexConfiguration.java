package com.leadlex.importer.leadlex;

import java.util.Random;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code leadlex.*} and builds the client's collaborators that are not components themselves. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeadLexProperties.class)
public class LeadLexConfiguration {

    @Bean
    BackoffPolicy leadLexBackoffPolicy(LeadLexProperties properties) {
        // java.util.Random is thread-safe, and every import shares this policy
        return new BackoffPolicy(properties.backoffBase(), properties.backoffCap(), new Random());
    }
}
