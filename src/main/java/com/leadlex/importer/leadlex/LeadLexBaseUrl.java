package com.leadlex.importer.leadlex;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Resolves {@code leadlex.base-url} when a request is about to be sent rather than at start-up: the
 * demo points it at the in-app sandbox with {@code ${local.server.port}}, which only exists once the
 * web server has started. Once resolved it is kept until a web server starts (and sets that port)
 * again: resolving parses the placeholders again, and a request goes out every millisecond against
 * a fast LeadLex.
 */
@Component
public class LeadLexBaseUrl {

    private final LeadLexProperties properties;
    private final Environment environment;
    private volatile String resolved;

    public LeadLexBaseUrl(LeadLexProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The base URL without a trailing slash, placeholders resolved (fails if one cannot be). */
    public String resolve() {
        String known = resolved;
        if (known != null) {
            return known;
        }
        String url = environment.resolveRequiredPlaceholders(properties.baseUrl()).strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        resolved = url;
        return url;
    }

    /** A web server started: {@code local.server.port} may have changed, or been set only now. */
    @EventListener(WebServerInitializedEvent.class)
    void forgetResolved() {
        resolved = null;
    }
}
