package com.leadlex.importer.importjob;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.leadlex.importer.cluster.Leadership;
import com.leadlex.importer.cluster.LeadershipChanged;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.system.AlarmClock;
import com.leadlex.importer.system.StartupState;

/**
 * Resumes a paused import at its resume time, not at the next poll: one alarm, set for the earliest
 * resume time kept in CONTACT_IMPORT, rings the {@link PausedImportResumer}. The alarm is set again
 * whenever that time may have changed: an import paused on this node, the start-up finished (after
 * recovery), this node became the leader, and after every run of the resumer, which first re-plans
 * the pauses ({@link PausedImportReplanner}) and may move their times. Only the leader keeps an alarm
 * (only it resumes); losing leadership cancels it.
 *
 * <p>The poll every {@code importer.resume-poll-interval} stays as a safety net: it resumes what an
 * alarm missed (a resume that failed, a clock that jumped), and it is how the leader learns of a pause
 * that another node made, so such a pause resumes on time when it lasts longer than the poll interval.
 */
@Component
@ConditionalOnProperty(name = "importer.cli.command", matchIfMissing = true, havingValue = "none")
public class ResumeTimer {

    private static final Logger log = LoggerFactory.getLogger(ResumeTimer.class);

    private final ImportRepository imports;
    private final AlarmClock alarms;
    private final Clock clock;
    private final BooleanSupplier inCharge;
    private final Runnable resumeDueImports;
    private AlarmClock.Alarm alarm;
    private Instant alarmAt;
    private long alarmsSet;

    @Autowired
    public ResumeTimer(PausedImportResumer resumer, ImportRepository imports, AlarmClock alarms, Clock clock,
            Leadership leadership, StartupState startup) {
        this(imports, alarms, clock, () -> startup.isComplete() && leadership.isLeader(), resumer::resumeDueImports);
    }

    /**
     * @param inCharge         whether this node resumes imports now: started up, and the leader
     * @param resumeDueImports resumes every paused import whose time has come
     */
    ResumeTimer(ImportRepository imports, AlarmClock alarms, Clock clock, BooleanSupplier inCharge,
            Runnable resumeDueImports) {
        this.imports = imports;
        this.alarms = alarms;
        this.clock = clock;
        this.inCharge = inCharge;
        this.resumeDueImports = resumeDueImports;
    }

    /** The safety net: resumes what is due, then sets the alarm for what another node paused meanwhile. */
    @Scheduled(fixedDelayString = "${importer.resume-poll-interval:15s}",
            initialDelayString = "${importer.resume-poll-interval:15s}")
    public void poll() {
        resumeDueImports.run();
        setForEarliestPause();
    }

    /** Start-up is over, recovery included (the runners have run): pauses kept from before the restart. */
    @EventListener(ApplicationReadyEvent.class)
    public void startedUp() {
        setSafely("start-up");
    }

    @EventListener
    public void leadershipChanged(LeadershipChanged change) {
        setSafely(change.leader() ? "leadership gained" : "leadership lost");
    }

    @EventListener
    public void importEnded(ImportEndedEvent ended) {
        if (ended.summary().status() == ImportStatus.PAUSED) {
            setSafely("import " + ended.summary().id() + " paused");
        }
    }

    /** Sets the alarm for the earliest resume time of any paused import; one that has passed rings at once. */
    public void setForEarliestPause() {
        setFor(earliestResumeTime(null));
    }

    /** When the alarm rings next, if it is set. */
    public synchronized Optional<Instant> alarmAt() {
        return Optional.ofNullable(alarmAt);
    }

    private void setSafely(String why) {
        try {
            setForEarliestPause();
        } catch (RuntimeException e) {
            // the database may be away for a moment: the poll sets the alarm once it answers
            log.warn("Could not set the resume alarm ({}): {}; the next poll sets it", why, e.toString());
        }
    }

    /**
     * An alarm is only ever replaced by an earlier one: one left for a time that moved later, or for an
     * import already resumed, rings, finds nothing due and sets the next. So no change of time is lost
     * to a race between the threads that set the alarm (job threads, the poll, the election, the alarm).
     */
    private synchronized void setFor(Instant at) {
        if (!inCharge.getAsBoolean()) {
            cancel();
            return;
        }
        if (at == null || (alarmAt != null && !at.isBefore(alarmAt))) {
            return;
        }
        cancel();
        long number = ++alarmsSet;
        alarmAt = at;
        alarm = alarms.set(at, () -> ring(number));
        log.debug("Resume alarm set for {}", at);
    }

    private synchronized void cancel() {
        if (alarm != null) {
            alarm.cancel();
        }
        alarm = null;
        alarmAt = null;
    }

    private void ring(long number) {
        synchronized (this) {
            if (number != alarmsSet) {
                return; // replaced by an earlier alarm, or cancelled, as it rang
            }
            alarm = null;
            alarmAt = null;
        }
        try {
            resumeDueImports.run();
            // whatever is still due could not be resumed just now: the poll tries again, not a loop here
            setFor(earliestResumeTime(clock.instant()));
        } catch (RuntimeException e) {
            log.warn("The resume alarm rang but paused imports could not be resumed: {}; the next poll tries again",
                    e.toString());
        }
    }

    /** The earliest resume time of a paused import, after {@code after} when given. */
    private Instant earliestResumeTime(Instant after) {
        return imports.findByStatus(ImportStatus.PAUSED).stream()
                .map(ImportRecord::resumeAt)
                .filter(Objects::nonNull)
                .filter(at -> after == null || at.isAfter(after))
                .min(Instant::compareTo)
                .orElse(null);
    }
}
