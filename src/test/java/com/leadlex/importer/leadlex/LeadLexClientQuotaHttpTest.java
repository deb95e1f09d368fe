package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The quota gate end to end: what a LeadLex enforcing quotas sees from the client, over real HTTP. */
class LeadLexClientQuotaHttpTest {

    static final String KEY = LeadLexClientHttpTest.KEY;

    ScriptedLeadLexServer server;
    CamelClientRig rig;

    @BeforeEach
    void startServer() throws Exception {
        server = new ScriptedLeadLexServer();
    }

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
        server.close();
    }

    @Test
    void longRetryAfterPausesTheImportInsteadOfHoldingTheThread() throws Exception {
        server.then(429, LeadLexClientHttpTest.error("rate_limited", "come back in an hour"), "Retry-After", "3600");
        rig = new CamelClientRig(TestProperties.defaults().baseUrl(server.baseUrl()).apiKey(KEY)
                .maxWait(Duration.ofMinutes(2)).build());

        QuotaExhaustedException thrown = catchThrowableOfType(QuotaExhaustedException.class,
                () -> rig.client.addContacts("cmp_abc123", List.of("id-1"), null));

        assertThat(thrown.resumeAt()).isEqualTo(CamelClientRig.START.plusSeconds(3600));
        assertThat(thrown.attempts()).isEqualTo(1);
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(rig.clock.instant()).isEqualTo(CamelClientRig.START);
        LeadLexClientHttpTest.assertNoKey(thrown);

        // the whole key is blocked: another import on it does not even try
        QuotaExhaustedException second = catchThrowableOfType(QuotaExhaustedException.class,
                () -> rig.client.addContacts("cmp_other", List.of("id-2"), null));
        assertThat(second.resumeAt()).isEqualTo(CamelClientRig.START.plusSeconds(3600));
        assertThat(second.attempts()).isZero();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void starterPlanNeverDrawsA429FromAServerEnforcingIt() throws Exception {
        AtomicInteger refused = new AtomicInteger();
        rig = new CamelClientRig(TestProperties.defaults().baseUrl(server.baseUrl()).apiKey(KEY)
                .plan(LeadLexPlan.STARTER).build());
        StarterPlanEnforcer enforcer = new StarterPlanEnforcer(rig.clock, refused);
        server.otherwise(enforcer::answer);

        for (int chunk = 0; chunk < 100; chunk++) {
            assertThat(rig.client.addContacts("cmp_abc123", List.of("id-" + chunk), null).attempts()).isEqualTo(1);
        }
        QuotaExhaustedException thrown = catchThrowableOfType(QuotaExhaustedException.class,
                () -> rig.client.addContacts("cmp_abc123", List.of("id-100"), null));

        assertThat(refused.get()).isZero();
        assertThat(server.requestCount()).isEqualTo(100);
        assertThat(thrown.resumeAt()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(rig.clock.instant()).isBetween(CamelClientRig.START.plus(Duration.ofMinutes(9)),
                CamelClientRig.START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aWaitForTheNextMinuteIsToldBeforeAndWhenItIsOver() throws Exception {
        rig = new CamelClientRig(TestProperties.defaults().baseUrl(server.baseUrl()).apiKey(KEY)
                .plan(LeadLexPlan.STARTER).build());
        server.otherwise(request -> ScriptedLeadLexServer.answer(201, LeadLexClientHttpTest.OK));
        List<String> told = new java.util.ArrayList<>();
        QuotaWaitListener listener = new QuotaWaitListener() {
            @Override
            public void waiting(Instant until, String reason, boolean anEarlierAttemptMayHaveReached) {
                told.add("at " + rig.clock.instant() + " waiting until " + until + " (" + reason + ")"
                        + (anEarlierAttemptMayHaveReached ? " after an attempt that may have reached" : ""));
            }

            @Override
            public void waitOver() {
                told.add("at " + rig.clock.instant() + " over");
            }
        };

        for (int chunk = 0; chunk < 10; chunk++) {
            rig.client.addContacts("cmp_abc123", List.of("id-" + chunk), null, listener);
        }
        assertThat(told).as("no wait within the minute's ten").isEmpty();
        rig.client.addContacts("cmp_abc123", List.of("id-10"), null, listener);

        assertThat(told).containsExactly(
                "at 2026-11-26T10:00:00Z waiting until 2026-11-26T10:01:00Z (10 requests per minute used)",
                "at 2026-11-26T10:01:00Z over");
    }

    @Test
    void aWaitAfterAnAttemptThatGotNoClearAnswerSaysSo() throws Exception {
        server.then(503, LeadLexClientHttpTest.error("service_unavailable", "try again"));
        server.otherwise(request -> ScriptedLeadLexServer.answer(201, LeadLexClientHttpTest.OK));
        rig = new CamelClientRig(TestProperties.defaults().baseUrl(server.baseUrl()).apiKey(KEY)
                .requestsPerMinute(1).build());
        List<Boolean> mayHaveReached = new java.util.ArrayList<>();

        rig.client.addContacts("cmp_abc123", List.of("id-1"), null, new QuotaWaitListener() {
            @Override
            public void waiting(Instant until, String reason, boolean anEarlierAttemptMayHaveReached) {
                mayHaveReached.add(anEarlierAttemptMayHaveReached);
            }

            @Override
            public void waitOver() {
            }
        });

        assertThat(mayHaveReached).containsExactly(true);
    }

    /** LeadLex's Starter quota, 10 a minute and 100 a day in fixed windows, on the test's clock. */
    record StarterPlanEnforcer(java.time.Clock clock, AtomicInteger refused, java.util.Map<Long, Integer> minutes,
            java.util.Map<Long, Integer> days) {

        StarterPlanEnforcer(java.time.Clock clock, AtomicInteger refused) {
            this(clock, refused, new java.util.concurrent.ConcurrentHashMap<>(),
                    new java.util.concurrent.ConcurrentHashMap<>());
        }

        ScriptedLeadLexServer.Answer answer(ScriptedLeadLexServer.Received request) {
            long now = clock.instant().getEpochSecond();
            long minute = now / 60;
            long day = now / 86_400;
            int inMinute = minutes.merge(minute, 1, Integer::sum);
            int inDay = days.merge(day, 1, Integer::sum);
            if (inMinute > 10 || inDay > 100) {
                refused.incrementAndGet();
                return ScriptedLeadLexServer.answer(429, LeadLexClientHttpTest.error("rate_limited", "over quota"));
            }
            return ScriptedLeadLexServer.answer(201, LeadLexClientHttpTest.OK, "X-RateLimit-Limit", "10",
                    "X-RateLimit-Remaining", Integer.toString(10 - inMinute), "X-RateLimit-Reset",
                    Long.toString((minute + 1) * 60));
        }
    }
}
