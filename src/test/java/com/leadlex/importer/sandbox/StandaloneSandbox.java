package com.leadlex.importer.sandbox;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import com.leadlex.importer.system.TimeConfiguration;

/**
 * The LeadLex sandbox alone, as a small web application of its own in the test's JVM: no database,
 * no Camel, no importer. A test that kills importers ({@code kill -9}) points them at it, so what
 * LeadLex received and enrolled outlives every importer process and can be compared with their
 * ledger at the end.
 */
public final class StandaloneSandbox implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StandaloneSandbox(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @param settings {@code --leadlex.sandbox.*=...} arguments (keys, campaigns, latency, fault rates) */
    public static StandaloneSandbox start(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--leadlex.sandbox.enabled=true", "--spring.main.banner-mode=off"));
        args.addAll(List.of(settings));
        return new StandaloneSandbox(new SpringApplicationBuilder(SandboxOnly.class)
                .run(args.toArray(String[]::new)));
    }

    /** What {@code leadlex.base-url} of an importer must be to talk to this sandbox. */
    public String baseUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort() + "/sandbox";
    }

    public SandboxLeadLex leadLex() {
        return context.getBean(SandboxLeadLex.class);
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Tomcat, Spring MVC and Jackson, and the sandbox on them. Deliberately not a {@code @Configuration}:
     * the importer's component scan, which sees test classes too, must never pick it up.
     */
    @ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            JacksonAutoConfiguration.class })
    @Import({ SandboxConfiguration.class, TimeConfiguration.class })
    static final class SandboxOnly {
    }
}
