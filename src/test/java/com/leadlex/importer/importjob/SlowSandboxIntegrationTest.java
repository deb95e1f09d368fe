package com.leadlex.importer.importjob;

import org.springframework.test.context.TestPropertySource;

/**
 * The end-to-end harness with small chunks and a sandbox that takes real time to answer, so an
 * import lasts long enough to be watched, stopped and restarted while it runs. No operator
 * credentials: the server is bound to 127.0.0.1 and open, as on a developer's machine.
 */
@TestPropertySource(properties = {
        "importer.chunk-size=50",
        "leadlex.sandbox.latency=150ms"})
public abstract class SlowSandboxIntegrationTest extends ImportIntegrationTest {
}
