package com.leadlex.importer.leadlex;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The outbound HTTP call to LeadLex (chunks of contacts, and the contacts look-ups and creations
 * beside them), as Camel wiring and nothing else: whatever the caller put on the
 * exchange, only {@code Authorization}, {@code Content-Type} and {@code Accept} reach LeadLex; non-2xx
 * answers come back as responses, not exceptions; HttpClient's own retries are off; timeouts come from
 * {@code leadlex.connect-timeout} / {@code leadlex.read-timeout}. Retries, quota and error mapping live in
 * {@link LeadLexClient}.
 */
@Component
public class SendContactChunkRoute extends RouteBuilder {

    public static final String ROUTE_ID = "send-contact-chunk";
    public static final String ENDPOINT = "direct:send-contact-chunk";
    /**
     * Exchange property (never sent) holding the scheme, host and port: one endpoint, one connection pool
     * per LeadLex host. The full URL travels in the {@code CamelHttpUri} header instead of the endpoint
     * URI, because endpoint URIs are normalised and would decode an encoded {@code ?} or {@code #} in a
     * campaign ID back into the URL's syntax.
     */
    public static final String ORIGIN = "leadLexOrigin";
    /** Exchange property (never sent) holding the HTTP method: POST to enroll or create, GET to look contacts up. */
    public static final String METHOD = "leadLexMethod";
    static final String NO_RETRY_CONFIGURER = "leadLexAutomaticRetriesDisabledConfigurer";

    private final LeadLexProperties properties;

    public SendContactChunkRoute(LeadLexProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        getCamelContext().getRegistry().bind(NO_RETRY_CONFIGURER, new AutomaticRetriesDisabledConfigurer());

        from(ENDPOINT).routeId(ROUTE_ID)
                // failures go back to LeadLexClient, which retries or reports them: no ERROR log per attempt here
                .errorHandler(noErrorHandler())
                .removeHeaders("*", "Authorization", "Content-Type", "Accept", Exchange.HTTP_URI)
                .setHeader(Exchange.HTTP_METHOD, exchangeProperty(METHOD))
                .toD("${exchangeProperty." + ORIGIN + "}?" + httpEndpointOptions());
    }

    /** camel-http endpoint options; see the http component's endpoint options for 4.x. */
    String httpEndpointOptions() {
        long connect = properties.connectTimeout().toMillis();
        long read = properties.readTimeout().toMillis();
        return "throwExceptionOnFailure=false"
                + "&httpClientConfigurer=#" + NO_RETRY_CONFIGURER
                + "&followRedirects=false"
                + "&connectTimeout=" + connect
                + "&connectionRequestTimeout=" + connect
                + "&responseTimeout=" + read
                + "&soTimeout=" + read;
    }
}
