package com.leadlex.importer.sources;

import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Camel's Quartz poll scheduler ({@code scheduler: quartz}), except that a route which never
 * started (a scheduled source left disabled) shuts down quietly: Camel 4.22's own scheduler
 * dereferences its not-yet-created trigger there and logs a WARN with a stack trace at every stop.
 * Routes use it as {@code scheduler: "#cronPickupScheduler"}: a prototype, one per consumer.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class CronPickupScheduler extends QuartzScheduledPollConsumerScheduler {

    @Override
    public void unscheduleTask() {
        // once stopped (or never started) there is nothing to unschedule: doStop has done it
        if (isStarted()) {
            super.unscheduleTask();
        }
    }
}
