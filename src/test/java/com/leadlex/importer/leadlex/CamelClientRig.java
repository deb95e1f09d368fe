package com.leadlex.importer.leadlex;

import java.time.Instant;
import java.util.Random;

import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.mock.env.MockEnvironment;

import com.leadlex.importer.system.ManualClock;

/**
 * A {@link LeadLexClient} wired as in production (Camel route, camel-http, real sockets) but on a
 * {@link ManualClock}, so every wait advances the clock instead of sleeping.
 */
class CamelClientRig implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final LeadLexProperties properties;
    final DefaultCamelContext camel = new DefaultCamelContext();
    final LeadLexClient client;

    CamelClientRig(LeadLexProperties properties) throws Exception {
        this.properties = properties;
        camel.addRoutes(new SendContactChunkRoute(properties));
        camel.start();
        client = new LeadLexClient(properties, new LeadLexBaseUrl(properties, new MockEnvironment()),
                new CamelLeadLexTransport(camel.createProducerTemplate(), camel), new QuotaGateRegistry(clock, properties),
                new BackoffPolicy(properties.backoffBase(), properties.backoffCap(), new Random(42)), new LeadLexJson(),
                clock, clock.sleeper());
    }

    @Override
    public void close() {
        camel.stop();
    }
}
