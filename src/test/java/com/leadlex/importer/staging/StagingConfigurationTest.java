package com.leadlex.importer.staging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code importer.staging.*} keys reach the stager; a tiny context, not the application. */
class StagingConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(StagingConfiguration.class, ContactListStager.class);

    @Test
    void defaults() {
        context.run(ctx -> {
            assertThat(ctx).hasSingleBean(ContactListStager.class);
            assertThat(ctx.getBean(StagingProperties.class)).isEqualTo(new StagingProperties(null, 64));
        });
    }

    @Test
    void bindsTheKeys() {
        context.withPropertyValues("importer.staging.id-column= Customer Ref ", "importer.staging.partitions=8")
                .run(ctx -> assertThat(ctx.getBean(StagingProperties.class))
                        .isEqualTo(new StagingProperties("Customer Ref", 8)));
    }

    @Test
    void refusesAnUnusablePartitionCount() {
        context.withPropertyValues("importer.staging.partitions=0")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("importer.staging.partitions must be between 1 and 4096"));
    }
}
