package com.leadlex.importer.sources;

import org.apache.camel.Consumer;
import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * Tells a cron-scheduled pickup (a source with a {@code cron}, whose route polls on the Quartz
 * {@link CronPickupScheduler}) from an interval one: a nightly run that found nothing is worth
 * a log line and a status entry; an interval poll finding nothing every few seconds is not.
 */
public final class CronPickups {

    private CronPickups() {
    }

    public static boolean isCronScheduled(Consumer consumer) {
        return consumer instanceof ScheduledPollConsumer polling
                && polling.getScheduler() instanceof QuartzScheduledPollConsumerScheduler;
    }

    /** The next firing in words, for the log, or null when it is not a cron pickup. */
    public static String describe(Consumer consumer) {
        if (consumer instanceof ScheduledPollConsumer polling
                && polling.getScheduler() instanceof QuartzScheduledPollConsumerScheduler quartz) {
            return "cron " + quartz.getCron() + " " + quartz.getTimeZone().getID();
        }
        return null;
    }
}
