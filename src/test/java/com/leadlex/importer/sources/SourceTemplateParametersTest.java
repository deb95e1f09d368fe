package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * What a source's settings make of its template's parameters, and the settings that are refused
 * with the source's name before any route exists.
 */
class SourceTemplateParametersTest {

    @TempDir
    Path keys;

    @Test
    void theInboxKeepsItsFileKeysAndTakesListsOnlyFromCampaignFolders() {
        SourceProperties inbox = settings("ingest-file", Map.of("kind", "folder", "directory", "/srv/inbox",
                "campaign-from-folder", "true", "file-key-prefix", "inbox", "source-name", "inbox"));

        Map<String, Object> parameters = SourceTemplateParameters.of("ingest-file", SourceKind.FOLDER, inbox);

        assertThat(parameters).containsEntry("directory", "/srv/inbox").containsEntry("fileKeyPrefix", "inbox")
                .containsEntry("recursive", "true").containsEntry("minDepth", "2").containsEntry("maxDepth", "2")
                .containsEntry("move", "${bean:sourceFileTargets?method=done}").doesNotContainKey("delete");
    }

    @Test
    void aSourceIsRememberedByItsOwnNameUnlessItSaysOtherwise() {
        SourceProperties nightly = settings("nightly-pickup", Map.of("directory", "/srv/exports",
                "campaign-column", "campaign_id", "cron", "0 0 2 * * ?", "time-zone", "Europe/Berlin",
                "source-name", "nightly-export"));

        Map<String, Object> parameters = SourceTemplateParameters.of("nightly-pickup", SourceKind.FOLDER, nightly);

        assertThat(parameters).containsEntry("fileKeyPrefix", "nightly-pickup")
                .containsEntry("scheduler", "#cronPickupScheduler").containsEntry("cron", "0 0 2 * * ?")
                .containsEntry("timeZone", "Europe/Berlin").doesNotContainKeys("delay", "recursive", "minDepth");
    }

    @Test
    void aSourceThatDeletesItsListsGetsNoMove() {
        SourceProperties deleting = settings("tidy", Map.of("directory", "/srv/drop", "campaign", "cmp_x",
                "delete-after-pickup", "true"));

        assertThat(SourceTemplateParameters.of("tidy", SourceKind.FOLDER, deleting))
                .containsEntry("delete", "true").doesNotContainKey("move");
    }

    @Test
    void anSftpSourceGetsItsServerItsLoginAndDoneFolderOnTheServer() throws IOException {
        Path key = Files.writeString(keys.resolve("id_rsa"), "a key");
        SourceProperties sftp = settings("partner-sftp", Map.of("host", "sftp.partner.example", "username",
                "leadlex", "directory", "outbound", "campaign", "cmp_x", "private-key-file", key.toString(),
                "password", "unused-when-the-key-is-readable", "strict-host-key-checking", "yes"));

        SourceKind kind = SourceKind.of("partner-sftp", sftp);
        Map<String, Object> parameters = SourceTemplateParameters.of("partner-sftp", kind, sftp);

        assertThat(kind).isEqualTo(SourceKind.SFTP);
        assertThat(parameters).containsEntry("source", "partner-sftp").containsEntry("host", "sftp.partner.example")
                .containsEntry("fileKeyPrefix", "partner-sftp").containsEntry("privateKeyFile", key.toString())
                .containsEntry("move", "done/${file:onlyname}").containsEntry("strictHostKeyChecking", "yes")
                .doesNotContainKeys("password", "privateKeyPassphrase", "port");
    }

    @Test
    void settingsThatCannotMakeARouteAreRefusedNamingTheSource() {
        assertRefused("crm-drop", Map.of("kind", "ftp", "directory", "/x", "campaign", "c"),
                "Source crm-drop (importer.sources.crm-drop): kind is 'ftp', which is none of folder, sftp");
        assertRefused("crm-drop", Map.of("campaign", "c"), "Source crm-drop", "directory is missing");
        assertRefused("crm-drop", Map.of("directory", "/x"), "Source crm-drop", "no campaign");
        assertRefused("crm-drop", Map.of("directory", "/x", "campaign", "c", "cron", "every night"),
                "Source crm-drop", "cron 'every night' is not a Quartz cron expression");
        assertRefused("crm-drop", Map.of("directory", "/x", "campaign", "c", "cron", "0 0 2 * * ?",
                "time-zone", "Berlin"), "Source crm-drop", "time-zone 'Berlin' is not a time zone");
        assertRefused("crm-drop", Map.of("directory", "/x", "campaign", "c", "read-lock", "locked"),
                "Source crm-drop", "read-lock 'locked'");
        assertRefused("crm-drop", Map.of("kind", "folder", "host", "h", "directory", "/x", "campaign", "c"),
                "Source crm-drop", "kind is folder but host is set");
        assertRefused("crm-sftp", Map.of("kind", "sftp", "directory", "out", "campaign", "c", "username", "u",
                "password", "p"), "Source crm-sftp", "host is missing");
        assertRefused("crm-sftp", Map.of("host", "h", "port", "70000", "directory", "out", "campaign", "c",
                "username", "u", "password", "p"), "Source crm-sftp", "port 70000");
    }

    private static void assertRefused(String name, Map<String, String> given, String... words) {
        assertThatThrownBy(() -> {
            SourceProperties settings = settings(name, given);
            SourceTemplateParameters.of(name, SourceKind.of(name, settings), settings);
        }).isInstanceOf(SourceSettingsException.class).hasMessageContainingAll(words)
                .satisfies(e -> assertThat(((SourceSettingsException) e).source()).isEqualTo(name));
    }

    /** Binds the way Spring Boot does, so defaults and names are the real ones. */
    private static SourceProperties settings(String name, Map<String, String> given) {
        Map<String, String> properties = new HashMap<>();
        given.forEach((key, value) -> properties.put("importer.sources." + name + "." + key, value));
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("importer", SourcesProperties.class).sources().get(name);
    }
}
