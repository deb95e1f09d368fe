package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.leadlex.LeadLexPlan;
import com.leadlex.importer.leadlex.LeadLexProperties;
import com.leadlex.importer.system.ImporterProperties;

class CommitWindowTest {

    @Test
    void byDefaultACommitHoldsTheRequestsInFlight() {
        assertThat(CommitWindow.requests(importer(null), leadLex(1))).isEqualTo(1);
        assertThat(CommitWindow.requests(importer(null), leadLex(4))).isEqualTo(4);
    }

    @Test
    void theSettingWinsButNeverHoldsFewerRequestsThanAreInFlight() {
        assertThat(CommitWindow.requests(importer(8), leadLex(1))).isEqualTo(8);
        assertThat(CommitWindow.requests(importer(2), leadLex(4))).isEqualTo(4);
        assertThatThrownBy(() -> importer(0)).hasMessage("importer.requests-per-commit must be between 1 and 32, but is 0");
        assertThatThrownBy(() -> importer(33)).hasMessageContaining("but is 33");
    }

    private static ImporterProperties importer(Integer requestsPerCommit) {
        return new ImporterProperties(Path.of("data"), Path.of("inbox"), 500, 4, Duration.ofSeconds(15), true,
                "import:{source}:{file}", null, Duration.ofSeconds(30), requestsPerCommit);
    }

    private static LeadLexProperties leadLex(int maxInFlight) {
        return new LeadLexProperties(null, "wbk_test", LeadLexPlan.UNMETERED, null, null, null, null, null, null, null,
                null, null, maxInFlight);
    }
}
