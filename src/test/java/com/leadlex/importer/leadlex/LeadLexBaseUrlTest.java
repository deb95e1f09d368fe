package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LeadLexBaseUrlTest {

    private final MockEnvironment environment = new MockEnvironment();
    private final LeadLexBaseUrl baseUrl = new LeadLexBaseUrl(
            TestProperties.defaults().baseUrl("http://localhost:${local.server.port}/sandbox//").build(), environment);

    @Test
    void isResolvedOnceTheServerHasAPortAndKeptUntilAServerStartsAgain() {
        assertThatThrownBy(baseUrl::resolve).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("local.server.port");

        environment.setProperty("local.server.port", "8081");
        assertThat(baseUrl.resolve()).isEqualTo("http://localhost:8081/sandbox");

        environment.setProperty("local.server.port", "8082");
        assertThat(baseUrl.resolve()).as("kept").isEqualTo("http://localhost:8081/sandbox");

        baseUrl.forgetResolved();
        assertThat(baseUrl.resolve()).isEqualTo("http://localhost:8082/sandbox");
    }
}
