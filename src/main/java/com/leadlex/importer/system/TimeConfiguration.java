package com.leadlex.importer.system;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock, one way to wait and one alarm clock for the whole application; tests replace them.
 * The clock is the database's ({@link DatabaseClock}): every node on one database then cuts quota
 * windows and judges leases by the same time, whatever its own clock says. Alarms ring by it.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    private static final Duration CLOCK_RESYNC = Duration.ofMinutes(1);

    @Bean
    @ConditionalOnMissingBean
    Clock clock(ObjectProvider<DataSource> dataSource) {
        DataSource database = dataSource.getIfAvailable();
        return database == null ? Clock.systemUTC() : DatabaseClock.start(Clock.systemUTC(), database, CLOCK_RESYNC);
    }

    @Bean
    @ConditionalOnMissingBean
    AlarmClock alarmClock(Clock clock) {
        return new ScheduledAlarmClock(clock);
    }

    @Bean
    @ConditionalOnMissingBean
    Sleeper sleeper() {
        return Sleeper.threadSleeper();
    }
}
