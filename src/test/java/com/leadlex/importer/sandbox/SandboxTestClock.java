package com.leadlex.importer.sandbox;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.leadlex.importer.system.ManualClock;

/**
 * Replaces the application's {@code clock} bean with a {@link ManualClock}, so quota windows are
 * crossed by setting the time instead of waiting for it. Needs bean-definition overriding.
 */
@TestConfiguration(proxyBeanMethods = false)
class SandboxTestClock {

    static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    @Bean
    ManualClock clock() {
        return new ManualClock(START);
    }
}
