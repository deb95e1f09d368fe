package com.leadlex.importer.leadlex;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Resolves {@code leadlex.base-url} when a request is about to be sent rather than at start-up: the
 * demo points it at the in-app sandbox with {@code ${local.server.port}}, which only exists once the
 * web server has started.
 */
@Component
public class LeadLexBaseUrl {

    private final LeadLexProperties properties;
    private final Environment environment;

    public LeadLexBaseUrl(LeadLexProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The base URL without a trailing slash, placeholders resolved (fails if one cannot be). */
    public String resolve() {
        String url = environment.resolveRequiredPlaceholders(properties.baseUrl()).strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }
}
