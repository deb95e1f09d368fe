package com.leadlex.importer.notify;

import org.springframework.test.context.TestPropertySource;

/** {@link NotificationOutboxAcrossNodesTests} on H2, in memory. */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:notify-nodes;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "spring.batch.jdbc.initialize-schema=always"})
class NotificationOutboxAcrossNodesOnH2Test extends NotificationOutboxAcrossNodesTests {
}
