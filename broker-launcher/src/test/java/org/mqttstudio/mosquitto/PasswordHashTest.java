package org.mqttstudio.mosquitto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mqttstudio.runtime.FreePorts;

class PasswordHashTest {
    private static final Path MOSQUITTO_PASSWD = Path.of("/usr/bin/mosquitto_passwd");

    @RegisterExtension
    final MosquittoProcesses mosquitto = new MosquittoProcesses();

    @TempDir
    Path dir;

    @Test
    void deterministicHashMatchesGoldenOutputOfMosquittoPasswd() {
        // Written by mosquitto_passwd 2.0.11 for password "secret".
        String golden = "$7$101$+ANn4IBZEkKyNqj1$ucNnlyG2lWLjz/RSyRqhOb4/sa38sBusWMygzCU79u5Ejc8M3bMuFq8v3fxnsHAz"
                + "1kRG8cAqDdvpEfAs2oA9JA==";
        byte[] salt = Base64.getDecoder().decode("+ANn4IBZEkKyNqj1");

        assertThat(PasswordHash.hash("secret", salt, 101)).isEqualTo(golden);
        assertThat(PasswordHash.hash("secret", salt, 102)).startsWith("$7$102$+ANn4IBZEkKyNqj1$").isNotEqualTo(golden);
    }

    @Test
    void randomHashHasMosquittoTwoFormatAndFreshSalt() {
        String first = PasswordHash.hash("secret");
        String second = PasswordHash.hash("secret");

        assertThat(first).matches("\\$7\\$101\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}==");
        assertThat(second).isNotEqualTo(first);
        assertThat(PasswordHash.verify("secret", first)).isTrue();
        assertThat(PasswordHash.verify("secret", second)).isTrue();
        assertThat(PasswordHash.verify("Secret", first)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "", "pässwörd 24°C", "with:colon and $dollar"})
    void hashesWrittenByMosquittoPasswdVerifyOnlyWithTheirPassword(String password) throws Exception {
        for (List<String> options : List.of(List.<String>of(), List.of("-H", "sha512-pbkdf2"), List.of("-H", "sha512"))) {
            String hash = mosquittoPasswd(options, password);

            assertThat(hash).as("mosquitto_passwd %s", options).startsWith(options.contains("sha512") ? "$6$" : "$7$");
            assertThat(PasswordHash.verify(password, hash)).as("right password, %s", hash).isTrue();
            assertThat(PasswordHash.verify(password + "x", hash)).as("wrong password, %s", hash).isFalse();
        }
    }

    @Test
    void ourHashOfTheSameSaltEqualsMosquittoPasswdsOutput() throws Exception {
        String fromMosquitto = mosquittoPasswd(List.of(), "pässwörd 24°C");
        String[] parts = fromMosquitto.split("\\$");

        assertThat(PasswordHash.hash("pässwörd 24°C", Base64.getDecoder().decode(parts[3]), Integer.parseInt(parts[2])))
                .isEqualTo(fromMosquitto);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "secret", "$5$abc$def", "$7$", "$7$101$c2FsdA==", "$7$x$c2FsdA==$aGFzaA==",
            "$7$0$c2FsdA==$aGFzaA==", "$7$101$$aGFzaA==", "$7$101$!!!$aGFzaA==", "$6$c2FsdA==", "$6$c2FsdA==$a$b"})
    void unreadableHashesMatchNoPassword(String hash) {
        assertThat(PasswordHash.verify("secret", hash)).isFalse();
        assertThat(PasswordHash.verify("", hash)).isFalse();
    }

    @Test
    void rejectsUnusableArguments() {
        assertThatThrownBy(() -> PasswordHash.hash("pw", new byte[0], 101)).hasMessageContaining("salt");
        assertThatThrownBy(() -> PasswordHash.hash("pw", new byte[12], 0)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> PasswordHash.hash(null)).isInstanceOf(NullPointerException.class);
        assertThat(PasswordHash.verify("pw", null)).isFalse();
    }

    @Test
    void realMosquittoAcceptsOurHashAndRefusesAWrongPassword() throws IOException {
        int port = FreePorts.one();
        Path broker = Files.createDirectories(mosquitto.folder().resolve("broker"));
        Files.writeString(broker.resolve("passwd"), "alice:" + PasswordHash.hash("pässwörd 24°C") + "\n"
                + "bob:" + PasswordHash.hash("other", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 1000) + "\n",
                UTF_8);
        Path conf = Files.writeString(broker.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous false",
                "password_file " + broker.resolve("passwd"),
                "log_dest stderr",
                ""));
        MosquittoProcess auth = mosquitto.start("auth", conf, port);

        assertThat(connect(port, "alice", "pässwörd 24°C").getReturnCode()).isEqualTo(Mqtt3ConnAckReturnCode.SUCCESS);
        assertThat(connect(port, "bob", "other").getReturnCode()).isEqualTo(Mqtt3ConnAckReturnCode.SUCCESS);
        // mosquitto 2.0.11 answers a wrong password and an unknown user with return code 5.
        assertThat(refusal(port, "alice", "wrong")).isEqualTo(Mqtt3ConnAckReturnCode.NOT_AUTHORIZED);
        assertThat(refusal(port, "alice", "other")).isEqualTo(Mqtt3ConnAckReturnCode.NOT_AUTHORIZED);
        assertThat(refusal(port, "carol", "pässwörd 24°C")).isEqualTo(Mqtt3ConnAckReturnCode.NOT_AUTHORIZED);
        // mosquitto drops an entry it cannot decode with an "Error:" line and goes on running.
        assertThat(auth.output()).contains("running").doesNotContain("Error");
    }

    private static Mqtt3ConnAck connect(int port, String user, String password) {
        Mqtt3BlockingClient client = client(port);
        Mqtt3ConnAck ack = client.connectWith().simpleAuth().username(user).password(password.getBytes(UTF_8))
                .applySimpleAuth().send();
        client.disconnect();
        return ack;
    }

    private static Mqtt3ConnAckReturnCode refusal(int port, String user, String password) {
        Mqtt3ConnAckException refused = catchThrowableOfType(Mqtt3ConnAckException.class,
                () -> client(port).connectWith().simpleAuth().username(user).password(password.getBytes(UTF_8))
                        .applySimpleAuth().send());
        assertThat(refused).as("%s/%s must be refused", user, password).isNotNull();
        return refused.getMqttMessage().getReturnCode();
    }

    private static Mqtt3BlockingClient client(int port) {
        return Mqtt3Client.builder().identifier("password-test").serverHost("127.0.0.1").serverPort(port)
                .buildBlocking();
    }

    /** The hash the real mosquitto_passwd writes for user "u" with the given options. */
    private String mosquittoPasswd(List<String> options, String password) throws IOException, InterruptedException {
        assertThat(MOSQUITTO_PASSWD).as("mosquitto_passwd (Debian package mosquitto) must be installed")
                .isExecutable();
        Path file = dir.resolve("passwd");
        List<String> command = new ArrayList<>(List.of(MOSQUITTO_PASSWD.toString()));
        command.addAll(options);
        command.addAll(List.of("-b", "-c", file.toString(), "u", password));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto_passwd.out").toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("mosquitto_passwd ended").isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("mosquitto_passwd.out"))).isZero();
        String line = Files.readString(file, UTF_8).strip();
        assertThat(line).startsWith("u:");
        return line.substring(2);
    }
}
