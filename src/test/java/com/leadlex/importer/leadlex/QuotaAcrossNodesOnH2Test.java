package com.leadlex.importer.leadlex;

import org.springframework.test.context.TestPropertySource;

/** {@link QuotaAcrossNodesTests} on H2, in memory. */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:quota-nodes;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "spring.batch.jdbc.initialize-schema=always"})
class QuotaAcrossNodesOnH2Test extends QuotaAcrossNodesTests {
}
