package com.leadlex.importer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** An owner is "provably gone" only on this node, and only when its process is no longer alive. */
class InstanceIdentityTest {

    private final InstanceIdentity self = new InstanceIdentity(properties("node-a"));

    @Test
    void aLiveInstanceIsNotGoneNorIsAnyOwnerOnAnotherNode() {
        assertThat(self.isProvablyGone(self.id())).isFalse();
        assertThat(self.isProvablyGone("node-b/1/0/abcd1234")).as("cannot look at another node's processes")
                .isFalse();
        assertThat(self.isProvablyGone("garbage")).isFalse();
        assertThat(self.isProvablyGone(null)).isFalse();
    }

    @Test
    void anOwnerOnThisNodeWhoseProcessEndedIsGone() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long started = ended.info().startInstant().map(Instant::toEpochMilli).orElse(0L) / 1000 * 1000;

        assertThat(self.isProvablyGone("node-a/" + ended.pid() + "/" + started + "/abcd1234")).isTrue();
    }

    @Test
    void twoApplicationsInOneProcessHaveDifferentIds() {
        assertThat(new InstanceIdentity(properties("node-a")).id()).isNotEqualTo(self.id()).startsWith("node-a/");
    }

    private static ImporterProperties properties(String nodeName) {
        return new ImporterProperties(Path.of("data"), Path.of("inbox"), 500, 4, Duration.ofSeconds(15), true,
                "import:{source}:{file}", nodeName, Duration.ofSeconds(30));
    }
}
