package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import com.leadlex.importer.system.ManualClock;

/** A source tells listeners once per change of state, not once per failed poll. */
class SourceEventsTest {

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final SourceStatusRegistry registry = new SourceStatusRegistry(new DefaultCamelContext(),
            new SourcesProperties(Map.of(), true, Duration.ofMinutes(10)), new ManualClock(Instant.parse("2026-11-26T10:00:00Z")), events::add);

    @Test
    void failingIsToldOnceAndRecoveringOnceHoweverManyPollsFail() {
        registry.pollSucceeded("partner-sftp", 0);
        registry.pollFailed("partner-sftp", "Connection refused");
        registry.pollFailed("partner-sftp", "Connection refused");
        registry.pollFailed("partner-sftp", "Connection refused");
        registry.pollSucceeded("partner-sftp", 1);
        registry.pollSucceeded("partner-sftp", 0);

        assertThat(events).extracting(event -> ((SourceEvent) event).kind())
                .containsExactly(SourceEvent.Kind.FAILING, SourceEvent.Kind.RECOVERED);
        assertThat(((SourceEvent) events.get(1)).reason()).contains("3 failed poll(s)", "Connection refused");
    }

    @Test
    void eachRejectedFileIsTold() {
        registry.fileRejected("ingest-file", "bad.csv", "no contact_id column");

        assertThat(events).singleElement().satisfies(event -> {
            SourceEvent rejected = (SourceEvent) event;
            assertThat(rejected.kind()).isEqualTo(SourceEvent.Kind.FILE_REJECTED);
            assertThat(rejected.file()).isEqualTo("bad.csv");
            assertThat(rejected.reason()).isEqualTo("no contact_id column");
        });
    }
}
