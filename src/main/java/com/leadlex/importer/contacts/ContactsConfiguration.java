package com.leadlex.importer.contacts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code importer.contacts.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContactsProperties.class)
class ContactsConfiguration {
}
