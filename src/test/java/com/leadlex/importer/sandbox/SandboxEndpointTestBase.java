package com.leadlex.importer.sandbox;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.leadlex.importer.system.ManualClock;

/**
 * The application with the sandbox on, on a random port, time on a {@link ManualClock}; every
 * test starts from a reset sandbox at {@link SandboxTestClock#START}. Subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leadlex.sandbox.enabled=true",
        "spring.main.allow-bean-definition-overriding=true" })
@Import(SandboxTestClock.class)
abstract class SandboxEndpointTestBase {

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
