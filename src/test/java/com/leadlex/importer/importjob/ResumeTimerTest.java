package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.leadlex.importer.cluster.LeadershipChanged;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.ledger.NewImport;
import com.leadlex.importer.system.IndependentWrites;
import com.leadlex.importer.system.ManualAlarmClock;
import com.leadlex.importer.system.ManualClock;
import com.leadlex.importer.system.ManualTimeConfiguration;

/**
 * The resume alarm on a manual clock, over the imports as CONTACT_IMPORT keeps them (an in-memory H2
 * migrated by Flyway): it rings at the stored resume time, not a moment before, is set again when
 * that time moves, and at start-up for pauses kept from before; only the node in charge keeps one.
 * What rings stands in for the resumer's claim ({@code claimPaused}), without launching the job.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:resume-timer-slice;DB_CLOSE_DELAY=-1",
        "spring.batch.jdbc.initialize-schema=always"})
@Import({ImportRepository.class, IndependentWrites.class, ManualTimeConfiguration.class})
class ResumeTimerTest {

    static final Instant NOW = ManualTimeConfiguration.START;
    static final Instant NEXT_MINUTE = NOW.plusSeconds(60);
    static final Instant MIDNIGHT = Instant.parse("2026-11-27T00:00:00Z");

    @Autowired
    ImportRepository imports;
    @Autowired
    ManualClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ManualAlarmClock alarms;
    final AtomicBoolean inCharge = new AtomicBoolean(true);
    /** When each resumer run happened, and what it resumed. */
    final List<Instant> runs = new CopyOnWriteArrayList<>();
    final List<Long> resumed = new CopyOnWriteArrayList<>();
    ResumeTimer timer;

    @BeforeEach
    void noImportsAndTheNodeInCharge() {
        jdbc.update("DELETE FROM CONTACT_IMPORT");
        clock.set(NOW);
        alarms = new ManualAlarmClock(clock);
        timer = new ResumeTimer(imports, alarms, clock, inCharge::get, this::resumeDueImports);
    }

    /** What {@link PausedImportResumer} does, up to the launch: claims every import whose time has come. */
    void resumeDueImports() {
        runs.add(clock.instant());
        for (ImportRecord due : imports.findDueForResume(clock.instant())) {
            if (imports.claimPaused(due.id())) {
                resumed.add(due.id());
            }
        }
    }

    @Test
    void anImportThatPausesSetsTheAlarmForItsResumeTimeAndItRingsThenNotBefore() {
        long id = pause(NEXT_MINUTE);

        assertThat(alarms.setFor()).containsExactly(NEXT_MINUTE);
        clock.set(NEXT_MINUTE.minusMillis(1));
        alarms.ringDue();
        assertThat(runs).isEmpty();

        clock.set(NEXT_MINUTE);
        alarms.ringDue();

        assertThat(runs).containsExactly(NEXT_MINUTE);
        assertThat(resumed).containsExactly(id);
        assertThat(imports.findById(id).orElseThrow().status()).isEqualTo(ImportStatus.QUEUED);
        assertThat(alarms.setFor()).as("nothing left to wait for").isEmpty();
    }

    @Test
    void theAlarmRingsForEachPauseInTurn() {
        long first = pause(NEXT_MINUTE);
        long second = pause(MIDNIGHT);
        assertThat(alarms.setFor()).containsExactly(NEXT_MINUTE);

        clock.set(NEXT_MINUTE);
        alarms.ringDue();
        assertThat(resumed).containsExactly(first);
        assertThat(alarms.setFor()).as("set for the next pause as it rang").containsExactly(MIDNIGHT);

        clock.set(MIDNIGHT);
        alarms.ringDue();
        assertThat(runs).containsExactly(NEXT_MINUTE, MIDNIGHT);
        assertThat(resumed).containsExactly(first, second);
    }

    @Test
    void aResumeTimeMovedEarlierByAReplanSetsTheAlarmForTheNewTime() {
        long id = pause(MIDNIGHT);
        Instant earlier = NOW.plusSeconds(5);
        // what PausedImportReplanner writes when the key's quota allows a request sooner (it runs in the poll)
        assertThat(imports.resumeEarlier(id, MIDNIGHT, earlier, "Re-planned")).isTrue();

        timer.poll();

        assertThat(alarms.setFor()).containsExactly(earlier);
        clock.set(earlier);
        alarms.ringDue();
        assertThat(resumed).containsExactly(id);
    }

    @Test
    void anAlarmLeftForAnImportResumedMeanwhileRingsFindsNothingAndSetsTheNext() {
        long resumedByAnOperator = pause(NEXT_MINUTE);
        long later = pause(MIDNIGHT);
        assertThat(imports.claimPaused(resumedByAnOperator)).isTrue();

        clock.set(NEXT_MINUTE);
        alarms.ringDue();

        assertThat(runs).containsExactly(NEXT_MINUTE);
        assertThat(resumed).isEmpty();
        assertThat(alarms.setFor()).containsExactly(MIDNIGHT);
        clock.set(MIDNIGHT);
        alarms.ringDue();
        assertThat(resumed).containsExactly(later);
    }

    @Test
    void atStartUpTheAlarmIsSetForPausesKeptFromBeforeAndOneDueDuringTheDowntimeRingsAtOnce() {
        inCharge.set(false); // the previous run of the application: nobody resumes
        long dueDuringDowntime = pause(NOW.minusSeconds(30));
        long tonight = pause(MIDNIGHT);
        assertThat(alarms.setFor()).isEmpty();

        inCharge.set(true);
        ResumeTimer afterRestart = new ResumeTimer(imports, alarms, clock, inCharge::get, this::resumeDueImports);
        afterRestart.startedUp();

        assertThat(alarms.setFor()).containsExactly(NOW.minusSeconds(30));
        alarms.ringDue();
        assertThat(runs).containsExactly(NOW);
        assertThat(resumed).containsExactly(dueDuringDowntime);
        assertThat(alarms.setFor()).containsExactly(MIDNIGHT);
        clock.set(MIDNIGHT);
        alarms.ringDue();
        assertThat(resumed).containsExactly(dueDuringDowntime, tonight);
    }

    @Test
    void onlyTheLeaderKeepsAnAlarmAndANewLeaderSetsItForEveryPause() {
        inCharge.set(false);
        long pausedOnAnotherNode = pause(NEXT_MINUTE);
        assertThat(alarms.setFor()).as("a follower sets no alarm").isEmpty();

        inCharge.set(true);
        timer.leadershipChanged(new LeadershipChanged(true));
        assertThat(alarms.setFor()).containsExactly(NEXT_MINUTE);

        inCharge.set(false);
        timer.leadershipChanged(new LeadershipChanged(false));
        assertThat(alarms.setFor()).as("cancelled with the leadership").isEmpty();
        clock.set(NEXT_MINUTE);
        alarms.ringDue();
        assertThat(runs).isEmpty();
        assertThat(imports.findById(pausedOnAnotherNode).orElseThrow().status()).isEqualTo(ImportStatus.PAUSED);
    }

    @Test
    void whatCannotBeResumedWhenTheAlarmRingsIsLeftToThePollInsteadOfRingingAgainAndAgain() {
        // a resumer that cannot resume (the launch fails): the import stays paused, its time passed
        timer = new ResumeTimer(imports, alarms, clock, inCharge::get, () -> runs.add(clock.instant()));
        pause(NEXT_MINUTE);

        clock.set(NEXT_MINUTE.plus(Duration.ofSeconds(1)));
        alarms.ringDue();

        assertThat(runs).as("rang once").hasSize(1);
        assertThat(alarms.setFor()).isEmpty();
        timer.poll();
        assertThat(runs).as("the poll tried again").hasSize(2);
    }

    /** An import that ran and paused until {@code resumeAt}, as the job leaves it, and the event it publishes. */
    private long pause(Instant resumeAt) {
        long id = imports.insert(new NewImport("cmp_resume_timer", "test", "list.csv", null, Path.of("unused"),
                "hash-" + System.nanoTime(), ImportStatus.QUEUED, 1, 1, 0, 0, 500, null));
        imports.markRunning(id, id);
        imports.recordResumeTime(id, resumeAt, "quota_exhausted", "quota used up");
        imports.markEnded(id, ImportStatus.PAUSED, "quota_exhausted", "quota used up");
        timer.importEnded(new ImportEndedEvent(paused(id, resumeAt), id));
        return id;
    }

    private static ImportSummary paused(long id, Instant resumeAt) {
        return new ImportSummary(id, ImportStatus.PAUSED, "paused", "cmp_resume_timer", "test", "list.csv", 1, 1, 0,
                0, 0, 0, 0, 0, 0, 1, 1, null, null, "quota_exhausted", "quota used up", resumeAt, null, null, null,
                null, null, null, 0, 0);
    }
}
