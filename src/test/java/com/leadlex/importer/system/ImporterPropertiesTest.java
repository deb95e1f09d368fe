package com.leadlex.importer.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Settings that LeadLex would refuse are refused at start-up, with a message that says why. */
class ImporterPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of())
            .withUserConfiguration(ImporterConfiguration.class);

    @Test
    void aChunkSizeAbove500IsRefusedAtStartUp() {
        context.withPropertyValues("importer.chunk-size=501").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("importer.chunk-size must be between 1 and 500")
                    .hasMessageContaining("501");
        });
    }

    @Test
    void smallerChunksAreAllowedAndTheDefaultIs500() {
        context.run(started -> assertThat(started.getBean(ImporterProperties.class).chunkSize()).isEqualTo(500));
        context.withPropertyValues("importer.chunk-size=100")
                .run(started -> assertThat(started.getBean(ImporterProperties.class).chunkSize()).isEqualTo(100));
    }

    @Test
    void theSourceTagNamesTheSourceAndTheFile() {
        context.run(started -> assertThat(started.getBean(ImporterProperties.class).sourceTagFor("inbox", "q2.csv"))
                .isEqualTo("import:inbox:q2.csv"));
    }
}
