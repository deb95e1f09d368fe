package com.leadlex.importer.staging;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code importer.staging.*} for the stager. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StagingProperties.class)
class StagingConfiguration {
}
