package com.leadlex.importer.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.LeadLexImporterApplication;

/**
 * Starts the whole importer as its own application (not a cached test context), so a test can stop
 * it and start another on the same data directory: restarts, crashes, several instances. It talks
 * to its own sandbox on a random port and keeps its data and inbox under {@code workDir}.
 */
public final class StandaloneImporter {

    private StandaloneImporter() {
    }

    /**
     * @param clock    a manual clock for every wait and window, or null for real time
     * @param settings {@code --name=value} arguments; a setting given twice keeps its last value
     */
    public static ConfigurableApplicationContext start(Path workDir, ManualClock clock, String... settings) {
        return start(workDir, clock, context -> { }, settings);
    }

    /** @param beforeRefresh what a test adds to the context before it refreshes, e.g. a {@link StartupStep} */
    public static ConfigurableApplicationContext start(Path workDir, ManualClock clock,
            ApplicationContextInitializer<ConfigurableApplicationContext> beforeRefresh, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--leadlex.sandbox.enabled=true",
                "--leadlex.base-url=http://127.0.0.1:${local.server.port}/sandbox",
                "--importer.resume-poll-interval=100ms",
                // small lists get imports of their own unless a test turns pooling on (a later setting wins)
                "--importer.pool.below=0",
                "--importer.data-dir=" + workDir.resolve("data"),
                "--importer.inbox=" + workDir.resolve("inbox")));
        for (String setting : settings) {
            String key = setting.substring(0, setting.indexOf('=') + 1);
            args.removeIf(arg -> arg.startsWith(key));
            args.add(setting);
        }
        SpringApplicationBuilder application = new SpringApplicationBuilder(LeadLexImporterApplication.class);
        application.initializers(beforeRefresh);
        if (clock != null) {
            application.initializers(context -> {
                context.getBeanFactory().registerSingleton("clock", clock);
                context.getBeanFactory().registerSingleton("sleeper", clock.sleeper());
            });
        }
        return application.run(args.toArray(String[]::new));
    }
}
