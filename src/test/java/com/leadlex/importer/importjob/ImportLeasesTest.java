package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.test.context.TestPropertySource;

import com.leadlex.importer.ledger.ImportLeaseRepository;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.ledger.NewImport;
import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.IndependentWrites;
import com.leadlex.importer.system.InstanceIdentity;
import com.leadlex.importer.system.ManualClock;
import com.leadlex.importer.system.ManualTimeConfiguration;

/**
 * One run per import, also inside one process: the lease row names the instance, not the run, so a
 * second run in the same process must be refused by the instance itself; and a lease this instance
 * still holds after its run ended (the database was away when the run tried to hand it back) must
 * not keep the import from being recovered. A JDBC slice on an in-memory H2, on a manual clock.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:lease-slice;DB_CLOSE_DELAY=-1",
        "importer.lease-ttl=30s"})
@Import({ImportLeases.class, ImportLeaseRepository.class, ImportRepository.class, IndependentWrites.class,
        InstanceIdentity.class, ManualTimeConfiguration.class, ImportLeasesTest.Scheduling.class})
class ImportLeasesTest {

    @Autowired
    ImportLeases leases;
    @Autowired
    ImportLeaseRepository leaseRows;
    @Autowired
    ImportRepository imports;
    @Autowired
    ManualClock clock;

    @Test
    void aSecondRunOfAnImportInTheSameProcessIsRefusedUntilTheFirstEnds() {
        long importId = anImport();

        assertThat(leases.acquire(importId)).isTrue();
        assertThat(leases.acquire(importId)).as("a second run, same instance").isFalse();
        assertThat(leases.mayRecover(importId)).as("its run here is still going").isFalse();

        leases.release(importId);
        assertThat(leases.acquire(importId)).isTrue();
    }

    @Test
    void aLeaseOfThisInstanceThatNoRunHereHoldsAnyMoreMayBeRecovered() {
        long importId = anImport();
        // what a run leaves when the database was away as it tried to hand its lease back
        leaseRows.acquire(importId, leases.instanceId(), clock.instant(), clock.instant().plus(Duration.ofSeconds(30)));

        assertThat(leases.mayRecover(importId)).isTrue();
    }

    @Test
    void anotherLiveInstancesLeaseIsLeftAloneUntilItExpires() {
        long importId = anImport();
        leaseRows.acquire(importId, "other-node/4242/0/abcd1234", clock.instant(),
                clock.instant().plus(Duration.ofSeconds(30)));

        assertThat(leases.mayRecover(importId)).isFalse();
        assertThat(leases.acquire(importId)).isFalse();

        clock.advance(Duration.ofSeconds(31));
        assertThat(leases.mayRecover(importId)).isTrue();
        assertThat(leases.acquire(importId)).isTrue();
    }

    private long anImport() {
        return imports.insert(new NewImport("cmp_lease_unit", "test", "unit.csv", null, Path.of("unused"),
                "hash-" + System.nanoTime(), ImportStatus.QUEUED, 1, 1, 0, 0, 500, null));
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ImporterProperties.class)
    static class Scheduling {

        @Bean
        TaskScheduler taskScheduler() {
            ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
            scheduler.initialize();
            return scheduler;
        }
    }
}
