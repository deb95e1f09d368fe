package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Whether an SFTP source can log in, decided from its settings as Spring binds them: a key that is
 * there, a password, or the reason why not (a placeholder nobody set is bound as its own text).
 */
class SftpLoginTest {

    @TempDir
    Path keys;

    @Test
    void aKeyPlaceholderNothingResolvedIsBoundAsTextAndNamesTheVariableToSet() {
        SourceProperties settings = bind(Map.of("importer.sources.partner-sftp.host", "sftp.partner.example",
                "importer.sources.partner-sftp.private-key-file", "${LEADLEX_TEST_UNSET_KEY_FILE}"));

        assertThat(settings.privateKeyFile()).isEqualTo("${LEADLEX_TEST_UNSET_KEY_FILE}");
        assertThat(SftpLogin.whyNot(settings)).hasValue("private-key-file is ${LEADLEX_TEST_UNSET_KEY_FILE}, a "
                + "placeholder nothing resolved: set the environment variable LEADLEX_TEST_UNSET_KEY_FILE");
    }

    @Test
    void anEmptyDefaultLeavesNoSecretAtAll() {
        SourceProperties settings = bind(Map.of("importer.sources.partner-sftp.host", "sftp.partner.example",
                "importer.sources.partner-sftp.private-key-file", "${LEADLEX_TEST_UNSET_KEY_FILE:}"));

        assertThat(SftpLogin.whyNot(settings))
                .hasValue("no SFTP secret: neither private-key-file nor password is set");
    }

    @Test
    void aKeyThatIsNotThereIsNamedAndAPasswordStandsInForIt() {
        Path missing = keys.resolve("gone");
        SourceProperties keyOnly = bind(Map.of("importer.sources.s.private-key-file", missing.toString()));
        SourceProperties withPassword = bind(Map.of("importer.sources.s.private-key-file", missing.toString(),
                "importer.sources.s.password", "secret"));

        assertThat(SftpLogin.whyNot(keyOnly)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("private-key-file " + missing + " cannot be read", "no password is set"));
        assertThat(SftpLogin.whyNot(withPassword)).isEmpty();
        assertThat(SftpLogin.parameters(withPassword)).containsExactly(Map.entry("password", "secret"));
    }

    @Test
    void aReadableKeyLogsInWithItsPassphraseUnlessThePassphraseIsAnUnsetPlaceholder() throws IOException {
        Path key = Files.writeString(keys.resolve("id_rsa"), "a key");
        SourceProperties withPassphrase = bind(Map.of("importer.sources.s.private-key-file", key.toString(),
                "importer.sources.s.private-key-passphrase", "words"));
        SourceProperties unsetPassphrase = bind(Map.of("importer.sources.s.private-key-file", key.toString(),
                "importer.sources.s.private-key-passphrase", "${LEADLEX_TEST_UNSET_PASSPHRASE}"));

        assertThat(SftpLogin.whyNot(withPassphrase)).isEmpty();
        assertThat(SftpLogin.parameters(withPassphrase)).containsEntry("privateKeyFile", key.toString())
                .containsEntry("privateKeyPassphrase", "words");
        assertThat(SftpLogin.whyNot(unsetPassphrase)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("private-key-passphrase is ${LEADLEX_TEST_UNSET_PASSPHRASE}"));
    }

    @Test
    void aPasswordFromTheEnvironmentReachesItsSourceAndMakesNoSourceOfItsOwn() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("settings",
                Map.of("importer.sources.partner-sftp.host", "sftp.partner.example")));
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("IMPORTER_SOURCES_PARTNER_SFTP_PASSWORD", "from the environment")));

        SourcesProperties sources = Binder.get(environment).bindOrCreate("importer", SourcesProperties.class);

        assertThat(sources.sources()).containsOnlyKeys("partner-sftp");
        assertThat(sources.sources().get("partner-sftp").password()).isEqualTo("from the environment");
    }

    /** Binds from a real environment, with its placeholder resolution, as the application does. */
    private static SourceProperties bind(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        SourcesProperties sources = Binder.get(environment).bindOrCreate("importer", SourcesProperties.class);
        return sources.sources().values().iterator().next();
    }
}
