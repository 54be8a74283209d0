package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mqttstudio.mosquitto.BundleWriter;
import org.mqttstudio.mosquitto.MosquittoProcesses;
import org.mqttstudio.mosquitto.PasswordHash;
import org.mqttstudio.topology.AclAccess;
import org.mqttstudio.topology.AclRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.User;

/**
 * One broker node with users ({@code $7$} hashes) and ACL rules, run as the Studio runs it on each
 * runtime: embedded with {@link ModelSecurity}, and real mosquitto 2.0.11 from the exported
 * {@code mosquitto.conf}, {@code passwd} and {@code acl} files. Both must answer with the same
 * CONNACK and SUBACK codes and deliver the same messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthCodesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Listener LISTENER = Listener.mqtt(1883);
    private static final Broker NODE = new Broker("secured", null, null, List.of(LISTENER), false,
            List.of(new User("alice", PasswordHash.hash("secret")), new User("bob", PasswordHash.hash("builder"))),
            List.of(new AclRule("alice", false, AclAccess.READWRITE, "allowed/#"),
                    new AclRule("alice", false, AclAccess.READ, "ro/#"),
                    new AclRule("bob", false, AclAccess.READWRITE, "#"),
                    new AclRule("bob", false, AclAccess.DENY, "secret/#"),
                    new AclRule(null, true, AclAccess.READ, "home/%u/#")),
            null, null, null, null, null);

    enum Runtime { MOSQUITTO, EMBEDDED }

    private final MosquittoProcesses mosquitto = new MosquittoProcesses();
    private RunningBrokers embedded;
    private final Map<Runtime, Integer> ports = new EnumMap<>(Runtime.class);

    @BeforeAll
    void startBoth() throws IOException, BrokerStartException {
        Topology topology = Topology.of("auth", List.of(NODE), List.of(), List.of(), List.of(), List.of());
        int offset = FreePorts.offsetFor(List.of(LISTENER.port()));
        new BundleWriter().write(topology, mosquitto.folder(), offset);
        Path conf = mosquitto.folder().resolve(NODE.id()).resolve(BundleWriter.CONF);
        ports.put(Runtime.MOSQUITTO, mosquitto.start(NODE.id(), conf, LISTENER.port() + offset).port());

        embedded = new RunningBrokers(mosquitto.folder().resolve("embedded"));
        ports.put(Runtime.EMBEDDED, RunningBrokers.mqttPort(embedded.start(NODE, ModelSecurity.of(NODE))));
    }

    @AfterAll
    void stopBoth() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
        mosquitto.close();
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void wrongOrMissingCredentialsGetConnack5(Runtime runtime) {
        int port = ports.get(runtime);
        assertThat(List.of(
                TestClient.connackCode(port, "alice", "secret"),
                TestClient.connackCode(port, "bob", "builder"),
                TestClient.connackCode(port, "alice", "wrong"),
                TestClient.connackCode(port, "alice", null),
                TestClient.connackCode(port, "bob", "secret"),
                TestClient.connackCode(port, "zed", "secret"),
                TestClient.connackCode(port, null, null)))
                .as("right, right, wrong password, no password, another user's password, unknown user, anonymous")
                .containsExactly(0, 0, 5, 5, 5, 5, 5);
    }

    /** mosquitto 2.0.11 grants every SUBSCRIBE and checks read access on each delivered message. */
    @ParameterizedTest
    @EnumSource(Runtime.class)
    void subscriptionsAreGrantedAndMessagesFilteredOnDelivery(Runtime runtime) {
        int port = ports.get(runtime);
        try (TestClient alice = TestClient.connect(port, "alice", "secret");
                TestClient bob = TestClient.connect(port, "bob", "builder")) {
            assertThat(List.of(alice.subscribe("#", 1), alice.subscribe("denied/#", 2),
                    alice.subscribe("secret/x", 0))).as("SUBACK codes, even where alice may read nothing")
                    .containsExactly(1, 2, 0);
            bob.publish("denied/x", "hidden", 1);
            bob.publish("ro/x", "readable", 1);
            bob.publish("home/alice/x", "by pattern", 1);
            bob.publish("home/bob/x", "someone else's", 1);
            bob.publish("secret/x", "bob may not write", 1);
            alice.publish("ro/y", "alice may not write", 1);
            alice.publish("allowed/y", "last", 1);
            // each publisher's messages arrive in order: once both last ones are in, a leaked one would be too
            await().atMost(WAIT).until(() -> alice.received().containsAll(List.of("allowed/y=last",
                    "home/alice/x=by pattern")));
            assertThat(alice.received()).containsExactlyInAnyOrder("ro/x=readable", "home/alice/x=by pattern",
                    "allowed/y=last");
            assertThat(alice.connected()).as("a denied PUBLISH is dropped silently").isTrue();
        }
    }
}
