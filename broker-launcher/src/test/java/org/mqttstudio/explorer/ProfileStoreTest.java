package org.mqttstudio.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    @TempDir
    Path dir;

    @Test
    void passwordsAreWrittenOnlyWhenRememberedAndThenTheFileIsTheUsersAlone() throws Exception {
        ProfileStore store = new ProfileStore(dir);
        ConnectionProfile forgetful = ConnectionProfile.of("broker.local", 1883).withName("lab")
                .withCredentials("student", "secret", false)
                .withWill(new WillMessage("lab/status", "offline", 1, true));
        store.save(List.of(forgetful));
        assertThat(Files.readString(store.file())).doesNotContain("secret");
        assertThat(Files.getPosixFilePermissions(store.file())).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(store.load()).containsExactly(forgetful.forSaving());

        ConnectionProfile remembering = ConnectionProfile.of("10.0.0.5", 8884).withWebSocket("/ws")
                .withTls(TlsSettings.systemTrust().withInsecure(true)).withVersion(ProtocolVersion.V3_1_1)
                .withCredentials("student", "secret", true).withSession(30, false, 0);
        store.save(List.of(forgetful, remembering));
        assertThat(Files.getPosixFilePermissions(store.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        List<ConnectionProfile> loaded = store.load();
        assertThat(loaded.get(1)).isEqualTo(remembering);
        assertThat(loaded.get(1).address()).isEqualTo("wss://10.0.0.5:8884/ws");
    }

    @Test
    void aBadFileNamesTheFileAndTheConnection() throws Exception {
        ProfileStore store = new ProfileStore(dir);
        Files.writeString(store.file(), "{\"connections\":[{\"host\":\"a\",\"port\":1883},{\"host\":\"b\",\"port\":0}]}");
        assertThatThrownBy(store::load).hasMessage(store.file() + ": connection 2: port: 0 is outside 1..65535");
        assertThat(new ProfileStore(dir.resolve("none")).load()).isEmpty();
    }

    @Test
    void profilesAreValidated() {
        assertThatThrownBy(() -> ConnectionProfile.of(" ", 1883)).hasMessage("host: required");
        assertThatThrownBy(() -> ConnectionProfile.of("h", 1883).withSession(70000, true, 0))
                .hasMessageContaining("keep-alive");
        assertThatThrownBy(() -> ConnectionProfile.of("h", 1883).withVersion(ProtocolVersion.V3_1_1)
                .withCredentials(null, "pw", false)).hasMessageContaining("only with a user name");
        assertThatThrownBy(() -> new WillMessage("a/#", "x", 0, false)).hasMessageStartingWith("will topic: ");
        assertThat(ConnectionProfile.of("h", 1883).clientId()).matches("studio-explorer-[0-9a-f]{8}");
    }
}
