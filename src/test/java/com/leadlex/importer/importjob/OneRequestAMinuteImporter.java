package com.leadlex.importer.importjob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.intake.ContactListIntake;
import com.leadlex.importer.system.StandaloneImporter;

/**
 * The importer of the exact-resume tests ({@link ExactResumeEndToEndTest},
 * {@link ExactResumeAfterRestartEndToEndTest}): in real time, on a key that allows one request a
 * minute, {@code leadlex.max-wait} 1s, one contact per request, and the resume poll at 10 minutes,
 * so only the resume alarm can resume a paused import in time. The two tests are two classes so
 * that the build runs their minutes of waiting side by side, in two forks.
 */
final class OneRequestAMinuteImporter {

    static final String KEY = "wbk_exact_resume_01";
    static final String CAMPAIGN = "cmp_exact_resume";

    /** The sandbox's side of the key: one request a minute, on campaign {@link #CAMPAIGN}. */
    static final List<String> SANDBOX = List.of(
            "--leadlex.sandbox.campaigns=" + CAMPAIGN,
            "--leadlex.sandbox.keys[0].key=" + KEY,
            "--leadlex.sandbox.keys[0].permissions[0]=campaigns:write",
            "--leadlex.sandbox.keys[0].requests-per-minute=1");

    private OneRequestAMinuteImporter() {
    }

    static ConfigurableApplicationContext start(Path workDir, List<String> more) {
        List<String> settings = new ArrayList<>(SANDBOX);
        settings.addAll(List.of(
                "--leadlex.api-key=" + KEY,
                "--leadlex.requests-per-minute=1",
                "--leadlex.max-wait=1s",
                "--importer.chunk-size=1",
                "--importer.resume-poll-interval=10m"));
        settings.addAll(more);
        return StandaloneImporter.start(workDir, null, settings.toArray(String[]::new));
    }

    static long importInBackground(ConfigurableApplicationContext importer, Path list) throws IOException {
        try (InputStream content = Files.newInputStream(list)) {
            return importer.getBean(ContactListIntake.class)
                    .accept(content, list.getFileName().toString(), CAMPAIGN, "test", false, false)
                    .launch().importId();
        }
    }

    /** A list of {@code count} fresh contact IDs under {@code workDir}. */
    static Path list(Path workDir, int count) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        return Files.write(Files.createDirectories(workDir.resolve("lists")).resolve("two.txt"), lines);
    }
}
