package com.leadlex.importer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DataDirectoryPathTest {

    @Test
    void aPlainRelativePathGetsTheDotThatMeansTheSameFolder() {
        assertThat(dataDirAfter("imports/data")).isEqualTo("./imports/data");
        assertThat(dataDirAfter("data")).isEqualTo("./data");
    }

    @Test
    void pathsH2AlreadyAcceptsAreLeftAsTheyAre() {
        assertThat(dataDirAfter("./data")).isEqualTo("./data");
        assertThat(dataDirAfter("../shared/data")).isEqualTo("../shared/data");
        assertThat(dataDirAfter("/var/lib/importer")).isEqualTo("/var/lib/importer");
        assertThat(dataDirAfter("~/importer")).isEqualTo("~/importer");
    }

    private static String dataDirAfter(String setting) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(DataDirectoryPath.PROPERTY, setting)));
        new DataDirectoryPath().postProcessEnvironment(environment, null);
        return environment.getProperty(DataDirectoryPath.PROPERTY);
    }
}
