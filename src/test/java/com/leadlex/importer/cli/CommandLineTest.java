package com.leadlex.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Help, version and bad words answer without a Spring application: they are given an application
 * class whose context cannot start, so any attempt to start one would fail the command.
 */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpListsEveryCommandOptionAndExitCodeWithinSecondsAndWithoutSpring(CapturedOutput output) {
        List<List<String>> asks = List.of(List.of("--help"), List.of("-h"), List.of("help"), List.of("import", "--help"),
                List.of("dry-run", "--campaign", "cmp_test", "-h"), List.of());
        for (List<String> words : asks) {
            out.reset();

            int code = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> run(words.toArray(String[]::new)));

            assertThat(code).as("%s", words).isZero();
            assertThat(out.toString()).as("%s", words).isEqualTo(Usage.TEXT).contains("import --campaign <campaign-id>",
                    "dry-run --campaign <campaign-id> <file>", "-c, --campaign <campaign-id>", "--force", "--create-missing", "--dry-run",
                    "--debug", "help, --help, -h", "version, --version", "--<any.spring.property>=<value>",
                    "LEADLEX_API_KEY", "Exit codes:", "0  done", "1  other failure", "2  bad input",
                    "3  LeadLex refused the key", "4  paused");
        }
        assertThat(err.toString()).isEmpty();
        assertThat(output.getAll()).doesNotContain("a Spring application context was started", "Starting ", " INFO ");
    }

    @Test
    void createMissingIsTheOneShotProcesssOwnSetting() {
        ImportCommandArguments arguments = ImportCommandArguments.parse(
                new String[] {"import", "--campaign", "cmp_demo", "--create-missing", "list.csv"});

        assertThat(arguments.springArguments()).containsExactly("--importer.contacts.create-missing=true");
        assertThat(ImportCommandArguments.parse(new String[] {"import", "--campaign", "cmp_demo", "list.csv"})
                .springArguments()).isEmpty();
    }

    @Test
    void versionComesFromTheManifestOrSaysDevelopmentBuild() {
        assertThat(run("--version")).isZero();
        assertThat(run("version")).isZero();

        assertThat(out.toString()).isEqualTo("leadlex-importer development build\nleadlex-importer development build\n");
        assertThat(err.toString()).isEmpty();
        // a class loaded from a jar whose manifest has an Implementation-Version
        assertThat(Version.of(SpringApplication.class)).matches("leadlex-importer \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void anUnknownCommandOrOptionExitsTwoWithTheUsage() {
        assertThat(run("imprt", "--campaign", "cmp_test", "list.csv")).isEqualTo(ExitCode.BAD_INPUT.getExitCode());
        assertThat(err.toString()).startsWith("leadlex-importer: unknown command imprt").contains("Usage:");
        err.reset();

        assertThat(run("-x")).isEqualTo(ExitCode.BAD_INPUT.getExitCode());
        assertThat(err.toString()).startsWith("leadlex-importer: unknown option -x").contains("Usage:");
        err.reset();

        assertThat(run("import", "--campaign", "cmp_test", "--bogus", "list.csv")).isEqualTo(2);
        assertThat(err.toString()).startsWith("import: unknown option --bogus").contains("Exit codes:");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void onlyServiceSettingsStartTheService() {
        assertThat(CommandLine.handles(new String[0])).isFalse();
        assertThat(CommandLine.handles(new String[] {"--spring.profiles.active=demo", "--server.port=9090"})).isFalse();

        assertThat(CommandLine.handles(new String[] {"import", "--campaign", "c", "list.csv"})).isTrue();
        assertThat(CommandLine.handles(new String[] {"dry-run"})).isTrue();
        assertThat(CommandLine.handles(new String[] {"--spring.profiles.active=demo", "--help"})).isTrue();
        assertThat(CommandLine.handles(new String[] {"--version"})).isTrue();
        assertThat(CommandLine.handles(new String[] {"imprt"})).isTrue();
        assertThat(CommandLine.handles(new String[] {"-x"})).isTrue();
    }

    private int run(String... args) {
        return CommandLine.run(NoSpringHere.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** An application whose context fails to start: a command that started one would say so and exit 1. */
    @Configuration(proxyBeanMethods = false)
    static class NoSpringHere {

        @Bean
        Object trap() {
            throw new IllegalStateException("a Spring application context was started");
        }
    }
}
