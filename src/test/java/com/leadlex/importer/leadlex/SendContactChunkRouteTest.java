package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The route only wires: whatever headers a caller leaves on the exchange, LeadLex sees just its own. */
class SendContactChunkRouteTest {

    @Test
    void onlyTheDocumentedHeadersReachLeadLexAndFailuresComeBackAsResponses() throws Exception {
        try (ScriptedLeadLexServer server = new ScriptedLeadLexServer();
                DefaultCamelContext camel = new DefaultCamelContext()) {
            server.then(404, LeadLexClientHttpTest.error("campaign_not_found", "nope"), "X-Request-ID", "r9");
            camel.addRoutes(new SendContactChunkRoute(TestProperties.defaults().build()));
            camel.start();

            Exchange exchange = camel.createProducerTemplate().send(SendContactChunkRoute.ENDPOINT, request -> {
                request.getIn().setHeaders(new java.util.HashMap<>(Map.of(
                        Exchange.HTTP_URI, server.baseUrl() + "/v1/campaigns/c1/contacts",
                        "Authorization", "Bearer wbk_x",
                        "Content-Type", "application/json",
                        "Accept", "application/json",
                        "X-Internal-Import-Id", "import-7",
                        "CamelFileName", "contacts.csv",
                        "breadcrumbId", "abc")));
                request.getIn().setBody("{\"contact_ids\":[\"a\"]}".getBytes(StandardCharsets.UTF_8));
            });

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(404);
            assertThat(exchange.getMessage().getHeader("X-Request-ID", String.class)).isEqualTo("r9");
            assertThat(camel.getRoute(SendContactChunkRoute.ROUTE_ID)).isNotNull();
            ScriptedLeadLexServer.Received received = server.received().get(0);
            assertThat(received.rawPath()).isEqualTo("/sandbox/v1/campaigns/c1/contacts");
            assertThat(received.headers().keySet()).map(String::toLowerCase)
                    .contains("authorization", "content-type", "accept")
                    .doesNotContain("x-internal-import-id", "camelfilename", "breadcrumbid", "camelhttpuri")
                    .noneMatch(name -> name.startsWith("camel"));
        }
    }

    @Test
    void aGetAndAPostGoOutAsSuchAndACookieLeadLexSetsIsNotSentBack() throws Exception {
        try (ScriptedLeadLexServer server = new ScriptedLeadLexServer();
                DefaultCamelContext camel = new DefaultCamelContext()) {
            server.then(200, "{}", "Set-Cookie", "session=abc; Path=/").then(200, "{}").then(200, "{}");
            camel.addRoutes(new SendContactChunkRoute(TestProperties.defaults().build()));
            camel.start();
            CamelLeadLexTransport transport = new CamelLeadLexTransport(camel.createProducerTemplate(), camel);
            Map<String, String> headers = Map.of("Authorization", "Bearer wbk_x", "Accept", "application/json");

            transport.send(new HttpCall(server.baseUrl() + "/v1/campaigns/c1/contacts", headers,
                    "{\"contact_ids\":[\"a\"]}".getBytes(StandardCharsets.UTF_8)));
            transport.send(HttpCall.get(server.baseUrl() + "/v1/contacts/export?limit=1", headers));
            transport.send(new HttpCall(server.baseUrl() + "/v1/campaigns/c1/contacts", headers, new byte[0]));

            List<ScriptedLeadLexServer.Received> received = server.received();
            assertThat(received).extracting(ScriptedLeadLexServer.Received::method).containsExactly("POST", "GET", "POST");
            assertThat(received.get(0).body()).isEqualTo("{\"contact_ids\":[\"a\"]}");
            assertThat(received).allSatisfy(request -> assertThat(request.header("Cookie")).isNull());
        }
    }

    @Test
    void anAnswerTooBigToReadWholeComesThroughAStreamIntact() throws Exception {
        String page = "id,email\n" + "ct_1,a@example.com\n".repeat(20_000); // about 380 KB, over the limit
        try (ScriptedLeadLexServer server = new ScriptedLeadLexServer();
                DefaultCamelContext camel = new DefaultCamelContext()) {
            server.then(200, page).then(200, "{}");
            camel.addRoutes(new SendContactChunkRoute(TestProperties.defaults().build()));
            camel.start();
            CamelLeadLexTransport transport = new CamelLeadLexTransport(camel.createProducerTemplate(), camel);

            HttpReply big = transport.send(HttpCall.get(server.baseUrl() + "/v1/contacts/export?limit=1", Map.of()));
            HttpReply small = transport.send(HttpCall.get(server.baseUrl() + "/v1/contacts/export?limit=1", Map.of()));

            assertThat(page.length()).isGreaterThan(SendContactChunkRoute.ANSWERS_READ_WHOLE_UP_TO);
            assertThat(big.body()).isEqualTo(page);
            assertThat(small.body()).isEqualTo("{}");
        }
    }
}
