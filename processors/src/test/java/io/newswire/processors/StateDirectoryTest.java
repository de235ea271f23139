package io.newswire.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import io.newswire.common.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void shouldGiveEachInstanceATemporaryFolderOfItsOwnAndRemoveItOnClose() {
        StateDirectory a = StateDirectory.claim("", "cluster-1");
        StateDirectory b = StateDirectory.claim("", "cluster-1");
        assertThat(a.path()).isNotEqualTo(b.path());
        assertThat(a.path().getFileName().toString()).startsWith("newswire-streams-" + ProcessHandle.current().pid() + "-");
        a.close();
        b.close();
        assertThat(a.path()).doesNotExist();
    }

    @Test
    void shouldRefuseAConfiguredFolderAnotherInstanceHolds() {
        try (StateDirectory first = StateDirectory.claim(dir.toString(), "cluster-1")) {
            assertThatThrownBy(() -> StateDirectory.claim(dir.toString(), "cluster-1"))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("state.dir of its own");
        }
        StateDirectory.claim(dir.toString(), "cluster-1").close();
        assertThat(dir).as("a configured folder is kept").exists();
    }

    @Test
    void shouldRemoveStateThatBelongsToAnotherCluster() throws Exception {
        StateDirectory.claim(dir.toString(), "cluster-1").close();
        Path task = Files.createDirectories(dir.resolve("newswire-processors/0_0"));
        Files.writeString(task.resolve("data"), "state");
        StateDirectory.claim(dir.toString(), "cluster-1").close();
        assertThat(task).as("same cluster: kept").exists();

        StateDirectory.claim(dir.toString(), "cluster-2").close();
        assertThat(task).as("another cluster's state").doesNotExist();
        assertThat(Files.readString(dir.resolve(StateDirectory.CLUSTER)).strip()).isEqualTo("cluster-2");
    }
}
