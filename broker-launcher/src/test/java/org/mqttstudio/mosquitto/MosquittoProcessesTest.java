package org.mqttstudio.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mqttstudio.runtime.FreePorts;

class MosquittoProcessesTest {

    @Test
    void startsListensAndStopsOnClose() throws Exception {
        int port = FreePorts.one();
        MosquittoProcess broker;
        Path folder;
        try (MosquittoProcesses mosquitto = new MosquittoProcesses()) {
            folder = mosquitto.folder();
            Path conf = Files.writeString(folder.resolve("mosquitto.conf"),
                    "listener " + port + " 127.0.0.1\nallow_anonymous true\nlog_dest stderr\n");
            broker = mosquitto.start("plain", conf, port);

            assertThat(broker.isAlive()).isTrue();
            assertThat(accepts(port)).isTrue();
            assertThat(broker.output()).contains("mosquitto version", "running");
        }
        assertThat(broker.isAlive()).isFalse();
        assertThat(accepts(port)).isFalse();
        assertThat(folder).doesNotExist();
    }

    @Test
    void aConfMosquittoRefusesFailsWithItsOutput() throws Exception {
        int port = FreePorts.one();
        try (MosquittoProcesses mosquitto = new MosquittoProcesses()) {
            Path conf = Files.writeString(mosquitto.folder().resolve("mosquitto.conf"),
                    "listener " + port + " 127.0.0.1\nno_such_option true\n");

            assertThatThrownBy(() -> mosquitto.start("broken", conf, port))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("'broken' stopped while starting")
                    .hasMessageContaining("exited with code 3")
                    .hasMessageContaining("Unknown configuration variable \"no_such_option\"");
        }
    }

    @Test
    void aConfOutsideItsFolderIsRefused() throws Exception {
        try (MosquittoProcesses mosquitto = new MosquittoProcesses()) {
            assertThatThrownBy(() -> mosquitto.start("elsewhere", Path.of("/etc/mosquitto/mosquitto.conf"), 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not in " + mosquitto.folder());
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
