package org.mqttstudio.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class TopologyJsonTest {
    private final TopologyJson json = new TopologyJson();

    static final List<String> SAMPLES = Samples.NAMES;

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void everySampleIsStoredInCanonicalFormAndRoundTrips(String name) throws Exception {
        String text = Files.readString(Samples.file(name));
        Topology topology = json.read(name, text);

        assertThat(json.write(topology)).isEqualTo(text);
        assertThat(json.read("again", json.write(topology))).isEqualTo(topology);
    }

    @Test
    void writingToAFileIsReadBackEqual(@TempDir Path dir) throws Exception {
        Topology challenge = Samples.load("challenge");
        Path file = dir.resolve("sub/challenge.json");

        json.write(challenge, file);

        assertThat(json.read(file)).isEqualTo(challenge);
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void challengeHasTheCourseShape() {
        Topology t = Samples.load("challenge");

        assertThat(t.brokers()).extracting(Broker::name)
                .containsExactly("BridgeBroker1", "BridgeBroker2", "BridgeBroker3", "Central");
        assertThat(t.brokers()).extracting(b -> b.mqttListener().orElseThrow().port())
                .containsExactly(1883, 1885, 1886, 1884);
        assertThat(t.bridges()).extracting(Bridge::name)
                .containsExactly("bridge1_central", "bridge2_bridge3", "bridge3_central");
        assertThat(t.bridges()).allSatisfy(b -> assertThat(b.rules()).containsExactly(BridgeRule.out("srv/#", 2)));
        assertThat(t.publishers()).extracting(Publisher::topic, Publisher::payload, Publisher::qos).containsExactly(
                org.assertj.core.groups.Tuple.tuple("srv/humidity", "Humidity: 10%", 2),
                org.assertj.core.groups.Tuple.tuple("srv/temperature", "Temperature: 24°C", 2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key              | {"version":1,"brokerz":[]}                                                   | x.json:1:27: unknown key 'brokerz' (known keys: bridges, brokers, externalBrokers, format, name, publishers, subscribers, version)
            unknown nested key       | {"version":1,"brokers":[{"id":"a","port":1}]}                                | x.json:1:44: brokers[0]: unknown key 'port' (known keys: acl, allowAnonymous, extraOptions, host, id, limits, listeners, logging, name, persistence, position, users)
            wrong type               | {"version":1,"brokers":[{"id":"a","listeners":[{"port":"x"}]}]}              | x.json:1:56: brokers[0].listeners[0].port: wrong type: expected a whole number
            missing field            | {"version":1,"brokers":[{"name":"a"}]}                                       | x.json:1:36: brokers[0]: missing field 'id'
            port out of range        | {"version":1,"brokers":[{"id":"a","listeners":[{"port":0}]}]}                | x.json:1:57: brokers[0].listeners[0]: 'port' must be between 1 and 65535, not 0
            bad enum                 | {"version":1,"brokers":[{"id":"a","listeners":[{"port":1,"protocol":"ws"}]}]} | x.json:1:69: brokers[0].listeners[0].protocol: "ws" is not one of: mqtt, websockets
            duplicate id             | {"version":1,"brokers":[{"id":"a"},{"id":"a"}]}                              | x.json:1:47: duplicate id 'a': every element needs its own id
            dangling reference       | {"version":1,"brokers":[{"id":"a"}],"bridges":[{"id":"b","name":"b","from":"a","to":"z"}]} | x.json:1:90: bridges[0] ('b'): 'to' names 'z', which is neither a broker nor an external broker
            bad version              | {"version":7}                                                                | x.json:1:13: 'version' 7 is not supported (this Studio reads version 1)
            duplicate key            | {"version":1,"version":1}                                                    | x.json:1:23: not valid JSON: Duplicate field 'version'
            broken JSON              | {"version":1,                                                                | x.json:1:14: not valid JSON: Unexpected end-of-input within/between Object entries
            plaintext password       | {"version":1,"brokers":[{"id":"a","users":[{"name":"u","passwordHash":"secret"}]}]} | x.json:1:79: brokers[0].users[0]: passwordHash of user 'u' must be a mosquitto hash starting with $7$ or $6$ (store hashes, not passwords)
            """)
    void badInputGivesOneLineNamingTheLocation(String what, String text, String message) {
        assertThatThrownBy(() -> json.read("x.json", text))
                .isInstanceOf(TopologyFileException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> json.read(missing)).hasMessage(missing + ": cannot read: no such file");
    }

    @Test
    void emptyFileIsNamed() {
        assertThatThrownBy(() -> json.read("e.json", "")).hasMessageStartingWith("e.json");
    }
}
