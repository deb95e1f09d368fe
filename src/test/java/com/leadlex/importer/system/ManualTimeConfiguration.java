package com.leadlex.importer.system;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts the whole application (quota gate, backoff, sandbox windows, resume times) on one manual
 * clock whose waits advance it: hours of quota windows pass in milliseconds.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ManualTimeConfiguration {

    /** A Thursday morning, well inside a UTC day. */
    public static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    @Bean
    @Primary
    ManualClock manualClock() {
        return new ManualClock(START);
    }

    @Bean
    @Primary
    Sleeper manualSleeper(ManualClock manualClock) {
        return manualClock.sleeper();
    }
}
