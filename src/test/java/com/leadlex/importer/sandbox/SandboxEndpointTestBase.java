package com.leadlex.importer.sandbox;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.leadlex.importer.system.ManualClock;
import com.leadlex.importer.system.TestDirectories;

/**
 * The application with the sandbox on, on a random port, time on a {@link ManualClock}; every
 * test starts from a reset sandbox at {@link SandboxTestClock#START}. Subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leadlex.sandbox.enabled=true",
        "spring.main.allow-bean-definition-overriding=true" })
@Import(SandboxTestClock.class)
abstract class SandboxEndpointTestBase {

    @DynamicPropertySource
    static void ownDirectories(DynamicPropertyRegistry registry) throws IOException {
        TestDirectories.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    SandboxLeadLex sandbox;

    @Autowired
    ManualClock clock;

    SandboxHttp http;

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
        clock.set(SandboxTestClock.START);
        http = new SandboxHttp(port);
    }
}
