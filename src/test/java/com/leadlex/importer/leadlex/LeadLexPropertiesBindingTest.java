package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** How {@code leadlex.*} binds: defaults, plans, the key from the environment, a lazily resolved base URL. */
class LeadLexPropertiesBindingTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(LeadLexConfiguration.class, LeadLexBaseUrl.class);

    @Test
    void defaultsNeedNoConfiguration() {
        context.run(ctx -> {
            LeadLexProperties properties = ctx.getBean(LeadLexProperties.class);
            assertThat(properties.baseUrl()).isEqualTo("https://data.leadlex.com/functions/v1/api-gateway");
            assertThat(properties.apiKey()).isNull();
            assertThat(properties.plan()).isEqualTo(LeadLexPlan.UNMETERED);
            assertThat(properties.limits()).isEqualTo(QuotaLimits.unlimited());
            assertThat(properties.maxWait()).isEqualTo(Duration.ofMinutes(2));
            assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.maxAttempts()).isEqualTo(5);
            assertThat(properties.backoffBase()).isEqualTo(Duration.ofMillis(500));
            assertThat(properties.backoffCap()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.maxRateLimitRetries()).isEqualTo(20);
            assertThat(ctx).hasSingleBean(BackoffPolicy.class);
        });
    }

    @Test
    void planSetsTheQuotaAndExplicitValuesOverrideIt() {
        context.withPropertyValues("leadlex.plan=starter").run(ctx ->
                assertThat(ctx.getBean(LeadLexProperties.class).limits()).isEqualTo(new QuotaLimits(10, 100)));
        context.withPropertyValues("leadlex.plan=pro").run(ctx ->
                assertThat(ctx.getBean(LeadLexProperties.class).limits()).isEqualTo(new QuotaLimits(50, 1_000)));
        context.withPropertyValues("leadlex.plan=org", "leadlex.requests-per-minute=20", "leadlex.max-wait=5m")
                .run(ctx -> {
                    LeadLexProperties properties = ctx.getBean(LeadLexProperties.class);
                    assertThat(properties.limits()).isEqualTo(new QuotaLimits(20, 10_000));
                    assertThat(properties.maxWait()).isEqualTo(Duration.ofMinutes(5));
                });
    }

    @Test
    void theApiKeyComesFromLeadlexApiKeyAndIsNeverPrinted() {
        context.withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource("test-systemEnvironment",
                        Map.of("LEADLEX_API_KEY", "wbk_live_from_env_7c1d")))).run(ctx -> {
                            LeadLexProperties properties = ctx.getBean(LeadLexProperties.class);
                            assertThat(properties.apiKey()).isEqualTo("wbk_live_from_env_7c1d");
                            assertThat(properties.toString()).doesNotContain("wbk_live_from_env_7c1d")
                                    .contains("wbk_…7c1d");
                        });
    }

    @Test
    void aBaseUrlPlaceholderIsLeftForRequestTimeAndResolvedThen() {
        context.withPropertyValues("leadlex.base-url=http://127.0.0.1:${local.server.port}/sandbox/").run(ctx -> {
            assertThat(ctx.getBean(LeadLexProperties.class).baseUrl())
                    .isEqualTo("http://127.0.0.1:${local.server.port}/sandbox/");
            LeadLexBaseUrl baseUrl = ctx.getBean(LeadLexBaseUrl.class);
            assertThatThrownBy(baseUrl::resolve).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("local.server.port");

            // what Boot does once the web server has started
            ctx.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("server.ports", Map.of("local.server.port", 8123)));

            assertThat(baseUrl.resolve()).isEqualTo("http://127.0.0.1:8123/sandbox");
        });
    }

    @Test
    void keysAreMaskedForLogs() {
        assertThat(ApiKeyMask.mask("wbk_live_abcdef123456")).isEqualTo("wbk_…3456");
        assertThat(ApiKeyMask.mask("short")).isEqualTo("wbk_…");
        assertThat(ApiKeyMask.mask(null)).isEqualTo("(none)");
    }
}
