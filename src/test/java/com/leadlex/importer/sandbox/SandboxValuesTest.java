package com.leadlex.importer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small pure pieces: UUID parsing, key masking, Retry-After formatting, properties defaults. */
class SandboxValuesTest {

    @Test
    void parsesCanonicalUuidsInEitherCase() {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

        assertThat(ContactIds.parse("123e4567-e89b-12d3-a456-426614174000")).isEqualTo(id);
        assertThat(ContactIds.parse("123E4567-E89B-12D3-A456-426614174000")).isEqualTo(id);
        assertThat(ContactIds.parse("ffffffff-ffff-ffff-ffff-ffffffffffff")).isEqualTo(new UUID(-1, -1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "1-2-3-4-5", "123e4567e89b12d3a456426614174000", "123e4567-e89b-12d3-a456-42661417400g",
            "123e4567-e89b-12d3-a456_426614174000", " 23e4567-e89b-12d3-a456-426614174000",
            "１23e4567-e89b-12d3-a456-426614174000" })
    void refusesAnythingElse(String text) {
        assertThat(ContactIds.parse(text)).isNull();
    }

    @Test
    void masksKeysDownToTheirLastFourCharacters() {
        assertThat(KeyMask.mask("wbk_sandbox_starter")).isEqualTo("wbk_…rter");
        assertThat(KeyMask.mask("sk_other_format_1234")).isEqualTo("…1234");
        assertThat(KeyMask.mask("wbk_abc")).isEqualTo("wbk_…");
        assertThat(KeyMask.mask(null)).isEqualTo("(none)");
    }

    @Test
    void formatsRetryAfterInEachMode() {
        Instant now = Instant.parse("2026-12-05T08:30:20.001Z");
        Instant reset = Instant.parse("2026-12-05T08:31:00Z");

        assertThat(RetryAfterMode.SECONDS.headerValue(now, reset)).isEqualTo("40");
        assertThat(RetryAfterMode.HTTP_DATE.headerValue(now, reset)).isEqualTo("Sat, 05 Dec 2026 08:31:00 GMT");
        assertThat(RetryAfterMode.NONE.headerValue(now, reset)).isNull();
    }

    @Test
    void defaultsToBuiltInKeysAndNoLatencyOrFaults() {
        SandboxProperties properties = new SandboxProperties(true, null, null, null, 0, 0, 0, null);

        assertThat(properties.effectiveKeys()).extracting(SandboxProperties.Key::key).containsExactly(
                "wbk_sandbox_unmetered", "wbk_sandbox_starter", "wbk_sandbox_pro", "wbk_sandbox_org",
                "wbk_sandbox_readonly");
        assertThat(properties.initiallyRevokedKeys()).containsExactly("wbk_sandbox_revoked");
        assertThat(properties.latency()).isEqualTo(Duration.ZERO);
        assertThat(properties.retryAfter()).isEqualTo(RetryAfterMode.SECONDS);
    }

    @Test
    void refusesAFaultRateOutsideZeroToOne() {
        assertThatThrownBy(() -> new SandboxProperties(true, List.of(), List.of(), Duration.ZERO, 1.5, 0, 0, null))
                .hasMessageContaining("fault-rate");
    }

    @Test
    void refusesScriptedFaultsThatAreNotErrors() {
        assertThatThrownBy(() -> ScriptedFault.status(200)).isInstanceOf(IllegalArgumentException.class);
    }
}
