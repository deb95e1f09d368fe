package com.leadlex.importer.sandbox;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the LeadLex stand-in, and only when {@code leadlex.sandbox.enabled=true}. The endpoint
 * is a functional route rather than a scanned {@code @RestController}, so that without the
 * property nothing of the sandbox exists and {@code /sandbox/...} is a plain 404.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "leadlex.sandbox", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxConfiguration {

    static final String ADD_CONTACTS_PATH = "/sandbox/v1/campaigns/{id}/contacts";

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean
    SandboxKeys sandboxKeys(SandboxProperties properties) {
        return new SandboxKeys(properties);
    }

    @Bean
    SandboxCampaigns sandboxCampaigns(SandboxProperties properties) {
        return new SandboxCampaigns(properties);
    }

    @Bean
    QuotaWindows sandboxQuotaWindows() {
        return new QuotaWindows();
    }

    @Bean
    SandboxFaults sandboxFaults(SandboxProperties properties) {
        return new SandboxFaults(properties);
    }

    @Bean
    SandboxRequestLog sandboxRequestLog() {
        return new SandboxRequestLog();
    }

    @Bean
    SandboxLeadLex sandboxLeadLex(SandboxKeys keys, SandboxCampaigns campaigns, QuotaWindows quotas,
            SandboxFaults faults, SandboxRequestLog requestLog) {
        return new SandboxLeadLex(keys, campaigns, quotas, faults, requestLog);
    }

    /** Tomcat's part in dropping connections on purpose: the servlet API cannot hang up on a client. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> sandboxDroppedConnections() {
        return factory -> factory.addEngineValves(new DroppedConnectionValve());
    }

    @Bean
    RouterFunction<ServerResponse> sandboxRoutes(SandboxProperties properties, SandboxKeys keys,
            QuotaWindows quotas, SandboxCampaigns campaigns, SandboxFaults faults, SandboxRequestLog requestLog,
            JsonMapper jsonMapper, Clock clock) {
        AddContactsHandler handler = new AddContactsHandler(properties, keys, quotas, campaigns, faults,
                requestLog, new AddContactsBodyReader(jsonMapper), jsonMapper, clock);
        log.info("LeadLex sandbox enabled at {} (latency {}, fault rate {}, drop rates {} before / {} after "
                + "processing, Retry-After {})", ADD_CONTACTS_PATH, properties.latency(), properties.faultRate(),
                properties.dropBeforeRate(), properties.dropAfterRate(), properties.retryAfter());
        return RouterFunctions.route()
                .POST(ADD_CONTACTS_PATH, handler::addContacts)
                .route(RequestPredicates.path(ADD_CONTACTS_PATH), request -> SandboxAnswer
                        .error(SandboxError.methodNotAllowed(request.method().name()))
                        .header(HttpHeaders.ALLOW, "POST").toServerResponse())
                .route(RequestPredicates.path("/sandbox/**"), request -> SandboxAnswer
                        .error(SandboxError.noSuchEndpoint(request.method().name(), request.path()))
                        .toServerResponse())
                .build();
    }
}
