package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** importer.sources.* binds per route id, with safe defaults and no silently unchecked host keys. */
class SourcePropertiesTest {

    @Test
    void sourcesBindByRouteIdWithTheHostKeyCheckedByDefault() {
        SourcesProperties sources = bind(Map.of(
                "importer.sources.partner-sftp.enabled", "true",
                "importer.sources.partner-sftp.campaign", "cmp_x",
                "importer.sources.nightly-pickup.cron", "0 0 2 * * ?",
                "importer.sources.nightly-pickup.time-zone", "Europe/Berlin"));

        SourceProperties sftp = sources.forRoute("partner-sftp");
        assertThat(sftp.enabled()).isTrue();
        assertThat(sftp.campaign()).isEqualTo("cmp_x");
        assertThat(sftp.hostKeyChecked()).isTrue();
        assertThat(sources.forRoute("nightly-pickup").schedule()).isEqualTo("cron 0 0 2 * * ? Europe/Berlin");
        assertThat(sources.forRoute("not-configured").campaignFromFolder()).isTrue();
    }

    @Test
    void anUnquotedYesThatArrivesAsTrueIsRefusedNotTakenAsChecking() {
        assertThatThrownBy(() -> bind(Map.of("importer.sources.partner-sftp.strict-host-key-checking", "true")))
                .isInstanceOf(BindException.class)
                .hasStackTraceContaining("strict-host-key-checking must be \"yes\" or \"no\", quoted in YAML");
        assertThat(bind(Map.of("importer.sources.partner-sftp.strict-host-key-checking", "no"))
                .forRoute("partner-sftp").hostKeyChecked()).isFalse();
    }

    private static SourcesProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("importer", SourcesProperties.class);
    }
}
