package com.leadlex.importer.sandbox;

import static com.leadlex.importer.sandbox.SandboxHttp.randomIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.leadlex.importer.system.TestDirectories;

/** Without {@code leadlex.sandbox.enabled=true} the sandbox does not exist at all. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxDisabledTest {

    @DynamicPropertySource
    static void ownDirectories(DynamicPropertyRegistry registry) throws IOException {
        TestDirectories.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void sandboxPathIsNotFound() {
        assertThat(new SandboxHttp(port).addContacts("wbk_sandbox_unmetered", "cmp_demo", randomIds(1)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void noSandboxBeanIsRegistered() {
        assertThat(context.getBeanNamesForType(SandboxConfiguration.class)).isEmpty();
        assertThat(context.getBeanNamesForType(SandboxLeadLex.class)).isEmpty();
        assertThat(context.getBeanNamesForType(SandboxProperties.class)).isEmpty();
    }
}
