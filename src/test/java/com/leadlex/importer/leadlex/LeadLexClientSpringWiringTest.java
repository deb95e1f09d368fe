package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.leadlex.importer.system.TimeConfiguration;

/** The client as Spring Boot wires it (Camel auto-configuration, the route bean, properties), over real HTTP. */
class LeadLexClientSpringWiringTest {

    @Test
    void theWiredClientSendsThroughTheCamelRoute() throws Exception {
        try (ScriptedLeadLexServer server = new ScriptedLeadLexServer()) {
            server.then(200, LeadLexClientHttpTest.OK, "X-Request-ID", "req_spring");
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class))
                    .withUserConfiguration(TimeConfiguration.class, LeadLexConfiguration.class, LeadLexBaseUrl.class,
                            LeadLexJson.class, QuotaGateRegistry.class, CamelLeadLexTransport.class,
                            SendContactChunkRoute.class, LeadLexClient.class)
                    // the quota's memory is the database's business, not this wiring's
                    .withBean(QuotaStore.class, () -> QuotaStore.NONE)
                    .withPropertyValues("leadlex.base-url=" + server.baseUrl(), "leadlex.api-key=wbk_spring_key_0001",
                            "leadlex.plan=starter")
                    .run(ctx -> {
                        assertThat(ctx.getBean(CamelContext.class).getRoute(SendContactChunkRoute.ROUTE_ID)).isNotNull();

                        ChunkResponse response = ctx.getBean(LeadLexClient.class)
                                .addContacts("cmp_abc123", List.of("id-1"), "spring");

                        assertThat(response.requestId()).isEqualTo("req_spring");
                        assertThat(server.received().get(0).header("Authorization"))
                                .isEqualTo("Bearer wbk_spring_key_0001");
                    });
        }
    }
}
