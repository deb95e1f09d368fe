package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import com.leadlex.importer.LeadLexImporterApplication;

/**
 * Start-up with sources that cannot be made into routes: the message names the source and says
 * where to fix it, or names the template file and line when the template itself is broken.
 */
class SourceTemplatesTest {

    @TempDir
    Path workDir;

    @Test
    void aSettingsErrorStopsStartUpNamingTheSourceAndWhereToFixIt() {
        Throwable failure = catchThrowable(() -> start(Path.of("routes"),
                "--importer.sources.crm-drop.directory=" + workDir.resolve("crm-drop"),
                "--importer.sources.crm-drop.campaign=cmp_x",
                "--importer.sources.crm-drop.cron=every night").close());

        FailureAnalysis analysis = new SourceSettingsFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("Source crm-drop (importer.sources.crm-drop): cron "
                + "'every night' is not a Quartz cron expression");
        assertThat(analysis.getAction()).contains("importer.sources.crm-drop", "enabled=false");
    }

    @Test
    void aBrokenTemplateStopsStartUpNamingTheFileAndTheLine() throws IOException {
        Path routes = copyOfTheTemplates();
        Path template = routes.resolve("folder-source.camel.yaml");
        Files.writeString(template, Files.readString(template).replace("          - bean:", "         - bean: ["));

        Throwable failure = catchThrowable(() -> start(routes).close());

        FailureAnalysis analysis = new RouteFileFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("folder-source.camel.yaml", "line ");
    }

    @Test
    void aTemplateUsingAParameterNoSourceGivesStopsStartUpNamingTheSourceAndTheTemplate() throws IOException {
        Path routes = copyOfTheTemplates();
        Path template = routes.resolve("folder-source.camel.yaml");
        Files.writeString(template, Files.readString(template)
                .replace("          delay: \"{{delay}}\"", "          delay: \"{{pollEvery}}\""));

        Throwable failure = catchThrowable(() -> start(routes).close());

        FailureAnalysis analysis = new RouteFileFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("The route ingest-file from file:" + template.toAbsolutePath(),
                "Property with key [pollEvery] not found");
        assertThat(analysis.getAction()).contains("importer.sources.ingest-file");
    }

    @Test
    void aParameterTheTemplateDoesNotDeclareIsRefusedNamingTheSourceAndTheTemplate() throws IOException {
        Path routes = copyOfTheTemplates();
        Path template = routes.resolve("folder-source.camel.yaml");
        Files.writeString(template, Files.readString(template).replace("      - name: readLockMinAge\n", "")
                .replace("readLockMinAge: \"{{readLockMinAge}}\"", "readLockMinAge: 1000"));

        Throwable failure = catchThrowable(() -> start(routes).close());

        FailureAnalysis analysis = new SourceSettingsFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("Source ingest-file", "folder-source.camel.yaml",
                "has no parameter readLockMinAge");
        assertThat(new RouteFileFailureAnalyzer().analyze(failure)).as("the settings' analysis, not the file's")
                .isNull();
    }

    private Path copyOfTheTemplates() throws IOException {
        Path routes = Files.createDirectories(workDir.resolve("routes"));
        for (String file : new String[] {"folder-source.camel.yaml", "sftp-source.camel.yaml"}) {
            Files.copy(Path.of("routes", file), routes.resolve(file));
        }
        return routes;
    }

    private AutoCloseable start(Path routes, String... settings) {
        String[] args = new String[settings.length + 4];
        args[0] = "--server.port=0";
        args[1] = "--importer.data-dir=" + workDir.resolve("data");
        args[2] = "--importer.inbox=" + workDir.resolve("inbox");
        args[3] = "--camel.main.routes-include-pattern=file:" + routes.toAbsolutePath() + "/*.camel.yaml";
        System.arraycopy(settings, 0, args, 4, settings.length);
        return new SpringApplicationBuilder(LeadLexImporterApplication.class).run(args);
    }
}
