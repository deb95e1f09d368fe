package com.leadlex.importer.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

/**
 * Where the server listens, decided by whether operator credentials exist: without them it binds
 * to 127.0.0.1 whatever server.address says, and warns; with them it keeps the configured address.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperatorAccessTest {

    private final OperatorSecurityConfiguration configuration = new OperatorSecurityConfiguration();

    @Test
    void withoutCredentialsTheServerListensOnLoopbackOnlyAndSaysSo(CapturedOutput output) throws Exception {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        factory.setAddress(InetAddress.getByName("0.0.0.0"));

        configuration.localOnlyWithoutCredentials(new OperatorSecurityProperties(null, "", " ")).customize(factory);

        assertThat(factory.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(output).contains("WARN", "No operator credentials configured", "listens on 127.0.0.1 only");
    }

    @Test
    void withATokenOrBasicAuthTheConfiguredAddressStands(CapturedOutput output) throws Exception {
        for (OperatorSecurityProperties credentials : new OperatorSecurityProperties[] {
                new OperatorSecurityProperties("a-token", null, null),
                new OperatorSecurityProperties(null, "operator", "secret")}) {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
            factory.setAddress(InetAddress.getByName("0.0.0.0"));

            configuration.localOnlyWithoutCredentials(credentials).customize(factory);

            assertThat(factory.getAddress()).isEqualTo(InetAddress.getByName("0.0.0.0"));
        }
        assertThat(output).doesNotContain("No operator credentials configured").doesNotContain("a-token")
                .doesNotContain("secret");
    }

    @Test
    void aUserWithoutAPasswordIsRefusedAtStartUpAndSecretsNeverPrint() {
        assertThatThrownBy(() -> new OperatorSecurityProperties(null, "operator", null))
                .hasMessageContaining("importer.security.user and importer.security.password go together");
        assertThat(new OperatorSecurityProperties("tok3n", "operator", "pa55").toString())
                .doesNotContain("tok3n").doesNotContain("pa55");
    }

    @Test
    void namedTokensSitBesideTheSingleOneAndPrintOnlyTheirNames() {
        OperatorSecurityProperties credentials = new OperatorSecurityProperties("tok3n", null, null,
                java.util.Map.of("ci-robot", "r0bot", "unset", " "));

        assertThat(credentials.enabled()).isTrue();
        assertThat(credentials.tokensByPrincipal()).containsExactly(java.util.Map.entry("token", "tok3n"),
                java.util.Map.entry("token:ci-robot", "r0bot"));
        assertThat(credentials.toString()).contains("ci-robot").doesNotContain("r0bot").doesNotContain("tok3n");
        assertThat(new OperatorSecurityProperties(null, null, null, java.util.Map.of("only", "s3cret")).hasToken())
                .isTrue();
    }
}
