package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * config/application-sources.yml.example, as a user copies it with no secret in the environment:
 * every source in it makes a route, except the SFTP one, which is disabled with the reason.
 */
class SourcesExampleTest {

    @Test
    void everyExampleSourceMakesARouteAndTheSftpOneWithoutItsKeyIsDisabledWithTheReason() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        List<PropertySource<?>> example = new YamlPropertySourceLoader().load("example",
                new FileSystemResource("config/application-sources.yml.example"));
        example.forEach(environment.getPropertySources()::addFirst);
        environment.getPropertySources()
                .addLast(new MapPropertySource("defaults", Map.of("importer.inbox", "./inbox")));
        SourcesProperties sources = Binder.get(environment).bindOrCreate("importer", SourcesProperties.class);

        assertThat(sources.sources()).containsOnlyKeys("ingest-file", "crm-drop", "partner-sftp", "nightly-pickup");
        sources.sources().forEach((name, settings) -> {
            SourceKind kind = SourceKind.of(name, settings);
            if (kind == SourceKind.SFTP && System.getenv("SFTP_PARTNER_KEY_FILE") == null) {
                assertThat(SftpLogin.whyNot(settings)).as(name)
                        .hasValue("no SFTP secret: neither private-key-file nor password is set");
            } else {
                assertThat(SourceTemplateParameters.of(name, kind, settings)).as(name).containsKey("directory");
            }
        });
        assertThat(SourceTemplateParameters.of("crm-drop", SourceKind.FOLDER, sources.sources().get("crm-drop")))
                .containsEntry("delete", "true").doesNotContainKey("move");
    }
}
