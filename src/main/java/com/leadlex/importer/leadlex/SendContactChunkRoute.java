package com.leadlex.importer.leadlex;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
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
     * The camel-http component of the LeadLex endpoints, an instance of their own: what it is set up with
     * (HttpClient without its own retries, answers read whole) holds for LeadLex only, whatever other http
     * routes there are.
     */
    public static final String COMPONENT = "leadlex-http";
    /**
     * The endpoints' own address, never called: every exchange carries the full URL in the
     * {@code CamelHttpUri} header, which camel-http sends to instead. Static endpoints (one for GET, one
     * for POST, each with its pool of connections per host) rather than a {@code toD} per LeadLex host: a
     * dynamic endpoint parses and normalises its URI on every request. The header, not the endpoint URI,
     * also keeps an encoded {@code ?} or {@code #} in a campaign ID encoded. {@code .invalid} is reserved
     * (RFC 2606): should the header ever be missing, the request reaches no host at all.
     */
    static final String UNUSED_ADDRESS = COMPONENT + "://leadlex.invalid";
    /** Exchange property (never sent) holding the HTTP method, "POST" to enroll or create, "GET" to look contacts up. */
    public static final String METHOD = "leadLexMethod";
    /**
     * Answers up to this size are read whole into a byte array. camel-http's default (8 KB) is below a
     * chunk's answer (about 20 KB: the 500 IDs added, listed back), which it would copy through a stream
     * cache instead, on every request. A contacts export page (up to 50,000 contacts) stays streamed.
     */
    public static final int ANSWERS_READ_WHOLE_UP_TO = 256 * 1024;
    private static final Set<String> HEADERS_SENT = caseInsensitive("Authorization", "Content-Type", "Accept",
            Exchange.HTTP_URI);

    private final LeadLexProperties properties;

    public SendContactChunkRoute(LeadLexProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        if (getCamelContext().hasComponent(COMPONENT) == null) {
            HttpComponent leadLex = new HttpComponent();
            // set once added: adding applies camel-http-starter's customizer, which copies every
            // camel.component.http.* setting, defaults included, onto any HttpComponent
            getCamelContext().addComponent(COMPONENT, leadLex);
            leadLex.setHttpClientConfigurer(new LeadLexHttpClientConfigurer());
            leadLex.setResponsePayloadStreamingThreshold(ANSWERS_READ_WHOLE_UP_TO);
        }

        from(ENDPOINT).routeId(ROUTE_ID)
                // failures go back to LeadLexClient, which retries or reports them: no ERROR log per attempt here
                .errorHandler(noErrorHandler())
                .process(SendContactChunkRoute::keepOnlyHeadersSent)
                // the method is the endpoint's own, not a CamelHttpMethod header: camel-http passes a header
                // of any but a few plain types through the type converters, and an enum (or a String to be
                // made one) through a search of them or Spring's conversion service, on every request
                .choice()
                    .when(exchange -> "GET".equals(exchange.getProperty(METHOD)))
                        .to(UNUSED_ADDRESS + "?httpMethod=GET&" + httpEndpointOptions())
                    .otherwise()
                        .to(UNUSED_ADDRESS + "?httpMethod=POST&" + httpEndpointOptions())
                .end();
    }

    /**
     * Drops every header but those LeadLex is to get, and the URL. By name, not by pattern: Camel's
     * {@code removeHeaders("*", ...)} compiles its exclusions as regular expressions for every header
     * of every request.
     */
    static void keepOnlyHeadersSent(Exchange exchange) {
        exchange.getIn().getHeaders().keySet().removeIf(name -> !HEADERS_SENT.contains(name));
    }

    /** camel-http endpoint options; see the http component's endpoint options for 4.x. */
    String httpEndpointOptions() {
        long connect = properties.connectTimeout().toMillis();
        long read = properties.readTimeout().toMillis();
        return "throwExceptionOnFailure=false"
                + "&followRedirects=false"
                + "&connectTimeout=" + connect
                + "&connectionRequestTimeout=" + connect
                + "&responseTimeout=" + read
                + "&soTimeout=" + read;
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Arrays.asList(names));
        return Collections.unmodifiableSet(set);
    }
}
