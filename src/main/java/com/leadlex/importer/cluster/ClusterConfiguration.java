package com.leadlex.importer.cluster;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.leadlex.importer.system.InstanceIdentity;

/**
 * The cluster's settings, and the leader election for a server (a one-shot command runs no
 * once-per-cluster work, so it never competes for leadership).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterConfiguration {

    @Bean
    @ConditionalOnProperty(name = "importer.cli.command", matchIfMissing = true, havingValue = "none")
    LeaderElection leaderElection(DataSource dataSource, PlatformTransactionManager transactionManager,
            InstanceIdentity instance, ClusterProperties properties, Leadership leadership) {
        return new LeaderElection(dataSource, transactionManager, instance.id(), properties.leaderLockTtl(),
                leadership);
    }
}
