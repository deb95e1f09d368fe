package com.leadlex.importer.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * For the demo profile: once the application is up, drops a sample list into the inbox folder of
 * the demo campaign, exactly as a user would, so a newcomer watches a whole import happen.
 */
@Component
@ConditionalOnProperty("importer.demo.sample-list")
@ConditionalOnProperty(name = "importer.cli.command", havingValue = "none", matchIfMissing = true)
public class DemoSampleDrop {

    private static final Logger log = LoggerFactory.getLogger(DemoSampleDrop.class);

    private final Path sampleList;
    private final String campaign;
    private final ImporterProperties properties;

    public DemoSampleDrop(@Value("${importer.demo.sample-list}") Path sampleList,
            @Value("${importer.demo.campaign:cmp_demo}") String campaign, ImporterProperties properties) {
        this.sampleList = sampleList;
        this.campaign = campaign;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void dropSample() throws IOException {
        if (!Files.isReadable(sampleList)) {
            log.warn("Demo: sample list {} not found (run from the repository's root folder)", sampleList);
            return;
        }
        Path target = properties.inbox().resolve(campaign).resolve(sampleList.getFileName());
        Files.createDirectories(target.getParent());
        Files.copy(sampleList, target, StandardCopyOption.REPLACE_EXISTING);
        log.info("Demo: dropped {} into {}; watch the chunks go out below, then open /api/imports on this server",
                sampleList, target.getParent());
    }
}
