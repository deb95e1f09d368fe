package com.leadlex.importer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import com.leadlex.importer.importjob.ImportIntegrationTest;

/**
 * Without operator credentials (how every other end-to-end test runs) the application starts, the
 * dashboard, API and actuator answer without authentication, and the server is reachable on
 * 127.0.0.1 only: a connection to another address of this machine is refused.
 */
class OpenAccessEndToEndTest extends ImportIntegrationTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    WebServerApplicationContext context;

    @Test
    void everythingAnswersWithoutCredentialsOnLoopback() {
        ApiClient anonymous = ApiClient.anonymous(port);
        for (String path : new String[] {"/", "/api/imports", "/api/quota", "/actuator/prometheus", "/v3/api-docs"}) {
            assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void aPageOfAnotherSiteCannotActOnImportsThroughTheBrowser() {
        ApiClient anonymous = ApiClient.anonymous(port);
        assertThat(anonymous.postFrom("https://evil.example", "/api/imports/987654/stop").statusCode()).isEqualTo(403);
        assertThat(anonymous.postFrom("http://127.0.0.1:" + port, "/api/imports/987654/stop").statusCode())
                .isEqualTo(404);
        assertThat(anonymous.post("/api/imports/987654/stop").statusCode()).isEqualTo(404);
    }

    @Test
    void theServerIsBoundToLoopbackOnly() throws IOException {
        Object address = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector().getProperty("address");
        assertThat(String.valueOf(address)).contains("127.0.0.1");

        Optional<InetAddress> otherAddress = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(network -> Collections.list(network.getInetAddresses()).stream())
                .filter(candidate -> candidate instanceof Inet4Address && !candidate.isLoopbackAddress())
                .findFirst();
        if (otherAddress.isPresent()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(otherAddress.get(), port), 2_000);
                throw new AssertionError("reachable on " + otherAddress.get() + " without credentials");
            } catch (java.net.ConnectException expected) {
                assertThat(expected).hasMessageContaining("refused");
            }
        }
    }
}
