package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;

/** One gate per key, whether a request names the configured key or another, however the key's string came. */
class QuotaGateRegistryTest {

    private final QuotaGateRegistry registry = new QuotaGateRegistry(Clock.systemUTC(),
            LeadLexProperties.withApiKey("wbk_configured_key"));

    @Test
    void theConfiguredKeyHasOneGateWhicheverStringNamesIt() {
        QuotaGate first = registry.gateFor("wbk_configured_key");

        assertThat(registry.gateFor(new String("wbk_configured_key"))).isSameAs(first);
    }

    @Test
    void anotherKeyHasAGateOfItsOwnAndKeepsIt() {
        QuotaGate configured = registry.gateFor("wbk_configured_key");
        QuotaGate other = registry.gateFor("wbk_other_key");

        assertThat(other).isNotSameAs(configured);
        assertThat(registry.gateFor("wbk_other_key")).isSameAs(other);
    }
}
