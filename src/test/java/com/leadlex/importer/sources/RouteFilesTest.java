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
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import com.leadlex.importer.LeadLexImporterApplication;

/**
 * Route files: loaded from ./routes in the repository and from the jar elsewhere; a broken one
 * stops start-up with a message naming the file and the problem.
 */
class RouteFilesTest {

    @TempDir
    Path workDir;

    @Test
    void routesLoadFromTheRoutesFolderWhenThereIsOneAndFromTheJarOtherwise() throws IOException {
        MockEnvironment withFolder = new MockEnvironment()
                .withProperty(RoutesLocation.PATTERN_PROPERTY, RoutesLocation.FROM_FOLDER);
        Files.createDirectories(workDir.resolve("routes"));
        RoutesLocation.choose(withFolder, workDir);
        assertThat(withFolder.getProperty(RoutesLocation.PATTERN_PROPERTY)).isEqualTo("file:routes/*.camel.yaml");

        MockEnvironment withoutFolder = new MockEnvironment()
                .withProperty(RoutesLocation.PATTERN_PROPERTY, RoutesLocation.FROM_FOLDER);
        RoutesLocation.choose(withoutFolder, workDir.resolve("elsewhere"));
        assertThat(withoutFolder.getProperty(RoutesLocation.PATTERN_PROPERTY))
                .isEqualTo("classpath:routes/*.camel.yaml");

        MockEnvironment explicit = new MockEnvironment()
                .withProperty(RoutesLocation.PATTERN_PROPERTY, "file:/etc/importer/routes/*.camel.yaml");
        RoutesLocation.choose(explicit, workDir.resolve("elsewhere"));
        assertThat(explicit.getProperty(RoutesLocation.PATTERN_PROPERTY)).isEqualTo("file:/etc/importer/routes/*.camel.yaml");
    }

    @Test
    void theRouteFilesArePackagedForRunningFromTheJar() {
        assertThat(new ClassPathResource("routes/folder-source.camel.yaml").exists()).isTrue();
        assertThat(new ClassPathResource("routes/sftp-source.camel.yaml").exists()).isTrue();
    }

    @Test
    void aBrokenRouteFileStopsStartUpNamingTheFileAndTheProblem() throws IOException {
        Path routes = Files.createDirectories(workDir.resolve("routes"));
        Files.writeString(routes.resolve("broken-sftp.camel.yaml"), """
                - route:
                    id: broken-sftp
                    from:
                      uri: "file:x"
                      steps:
                        - to:
                            uri: direct:stage-contact-list
                         - bad: [unclosed
                """);

        Throwable failure = catchThrowable(() -> start(routes).close());

        FailureAnalysis analysis = new RouteFileFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("broken-sftp.camel.yaml", "line 8");
        assertThat(analysis.getAction()).contains("Fix file:" + routes.resolve("broken-sftp.camel.yaml"));
    }

    @Test
    void aRouteFileWithAnUnknownStepStopsStartUpNamingTheFile() throws IOException {
        Path routes = Files.createDirectories(workDir.resolve("routes"));
        Files.writeString(routes.resolve("typo.camel.yaml"), """
                - route:
                    id: typo
                    from:
                      uri: "file:x"
                      steps:
                        - tooo:
                            uri: direct:stage-contact-list
                """);

        Throwable failure = catchThrowable(() -> start(routes).close());

        FailureAnalysis analysis = new RouteFileFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("typo.camel.yaml", "tooo");
    }

    private AutoCloseable start(Path routes) {
        return new SpringApplicationBuilder(LeadLexImporterApplication.class).run(
                "--server.port=0",
                "--importer.data-dir=" + workDir.resolve("data"),
                "--importer.inbox=" + workDir.resolve("inbox"),
                "--camel.main.routes-include-pattern=file:" + routes + "/*.camel.yaml");
    }
}
