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
    static final String EXPORT_PATH = "/sandbox/v1/contacts/export";
    static final String SEARCH_PATH = "/sandbox/v1/contacts";
    static final String BULK_PATH = "/sandbox/v1/contacts/bulk";

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
    SandboxContacts sandboxContacts(SandboxProperties properties) {
        return new SandboxContacts(properties);
    }

    @Bean
    ExportWindows sandboxExportWindows(SandboxProperties properties) {
        return new ExportWindows(properties);
    }

    @Bean
    ContactRequestLog sandboxContactRequestLog() {
        return new ContactRequestLog();
    }

    @Bean
    SandboxLeadLex sandboxLeadLex(SandboxKeys keys, SandboxCampaigns campaigns, QuotaWindows quotas,
            SandboxFaults faults, SandboxRequestLog requestLog, SandboxContacts contacts, ExportWindows exports,
            ContactRequestLog contactRequests) {
        return new SandboxLeadLex(keys, campaigns, quotas, faults, requestLog,
                new SandboxLeadLex.Contacts(contacts, exports, contactRequests));
    }

    /** Tomcat's part in dropping connections on purpose: the servlet API cannot hang up on a client. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> sandboxDroppedConnections() {
        return factory -> factory.addEngineValves(new DroppedConnectionValve());
    }

    @Bean
    RouterFunction<ServerResponse> sandboxRoutes(SandboxProperties properties, SandboxKeys keys,
            QuotaWindows quotas, SandboxCampaigns campaigns, SandboxFaults faults, SandboxRequestLog requestLog,
            SandboxContacts contacts, ExportWindows exports, ContactRequestLog contactRequests, JsonMapper jsonMapper,
            Clock clock) {
        SandboxAdmission admission = new SandboxAdmission(keys, quotas, properties.retryAfter());
        AddContactsHandler handler = new AddContactsHandler(properties, admission, campaigns, faults,
                requestLog, new AddContactsBodyReader(jsonMapper), jsonMapper, clock);
        ContactEndpointFlow flow = new ContactEndpointFlow(properties, admission, faults, contactRequests, jsonMapper,
                clock);
        ContactsExportHandler export = new ContactsExportHandler(flow, contacts, exports, properties.retryAfter());
        ContactsSearchHandler search = new ContactsSearchHandler(flow, contacts);
        ContactsBulkHandler bulk = new ContactsBulkHandler(flow, contacts, new BulkContactsBodyReader(jsonMapper));
        log.info("LeadLex sandbox enabled at {}, {}, {} and {} (latency {}, fault rate {}, drop rates {} before / {} "
                + "after processing, Retry-After {}, {} seeded contacts, {} exports an hour)", ADD_CONTACTS_PATH,
                EXPORT_PATH, SEARCH_PATH, BULK_PATH, properties.latency(), properties.faultRate(),
                properties.dropBeforeRate(), properties.dropAfterRate(), properties.retryAfter(),
                properties.seededContacts(), properties.exportsPerHour());
        return RouterFunctions.route()
                .POST(ADD_CONTACTS_PATH, handler::addContacts)
                .route(RequestPredicates.path(ADD_CONTACTS_PATH), request -> SandboxAnswer
                        .error(SandboxError.methodNotAllowed(request.method().name()))
                        .header(HttpHeaders.ALLOW, "POST").toServerResponse())
                .GET(EXPORT_PATH, export::export)
                .route(RequestPredicates.path(EXPORT_PATH), request -> notAllowed(request, "GET", EXPORT_PATH))
                .POST(BULK_PATH, bulk::create)
                .route(RequestPredicates.path(BULK_PATH), request -> notAllowed(request, "POST", BULK_PATH))
                .GET(SEARCH_PATH, search::search)
                .route(RequestPredicates.path(SEARCH_PATH), request -> notAllowed(request, "GET", SEARCH_PATH))
                .route(RequestPredicates.path("/sandbox/**"), request -> SandboxAnswer
                        .error(SandboxError.noSuchEndpoint(request.method().name(), request.path()))
                        .toServerResponse())
                .build();
    }

    private static ServerResponse notAllowed(org.springframework.web.servlet.function.ServerRequest request,
            String allowed, String path) {
        return SandboxAnswer.error(SandboxError.methodNotAllowed(request.method().name(), allowed, path))
                .header(HttpHeaders.ALLOW, allowed).toServerResponse();
    }
}
