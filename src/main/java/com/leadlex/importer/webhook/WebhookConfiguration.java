package com.leadlex.importer.webhook;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Binds {@code importer.webhooks.*} and says at start-up which endpoints are open, warning about
 * sources that will refuse everything because their secret is not set in the environment. A one-shot
 * command serves no webhooks, so it says nothing about them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    private final WebhookProperties properties;
    private final boolean oneShotCommand;

    public WebhookConfiguration(WebhookProperties properties, Environment environment) {
        this.properties = properties;
        this.oneShotCommand = !"none".equals(environment.getProperty("importer.cli.command", "none"));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void describeSources() {
        if (oneShotCommand) {
            return;
        }
        List<String> withoutSecret = new ArrayList<>();
        properties.sources().forEach((name, source) -> {
            String path = "/webhooks/" + name + (source.auth() == WebhookAuthKind.PATH_TOKEN ? "/<token>" : "");
            if (source.hasSecret()) {
                log.info("Webhook source {}: POST {} ({}, {})", name, path, source.format(), source.auth());
            } else {
                withoutSecret.add(path);
            }
        });
        if (!withoutSecret.isEmpty()) {
            // one line, not one per source: an importer without CRMs is the common case, not an error storm
            log.warn("Webhook endpoints without a secret refuse every request until it is set in the environment "
                    + "(see README, CRM webhooks): {}", String.join(", ", withoutSecret));
        }
    }
}
