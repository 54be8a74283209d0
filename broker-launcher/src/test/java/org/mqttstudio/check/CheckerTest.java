package org.mqttstudio.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mqttstudio.routing.TopologyBuilder.acl;
import static org.mqttstudio.routing.TopologyBuilder.both;
import static org.mqttstudio.routing.TopologyBuilder.clientIds;
import static org.mqttstudio.routing.TopologyBuilder.host;
import static org.mqttstudio.routing.TopologyBuilder.in;
import static org.mqttstudio.routing.TopologyBuilder.logFile;
import static org.mqttstudio.routing.TopologyBuilder.named;
import static org.mqttstudio.routing.TopologyBuilder.options;
import static org.mqttstudio.routing.TopologyBuilder.out;
import static org.mqttstudio.routing.TopologyBuilder.pattern;
import static org.mqttstudio.routing.TopologyBuilder.payload;
import static org.mqttstudio.routing.TopologyBuilder.persistence;
import static org.mqttstudio.routing.TopologyBuilder.ports;
import static org.mqttstudio.routing.TopologyBuilder.pubClient;
import static org.mqttstudio.routing.TopologyBuilder.remoteUser;
import static org.mqttstudio.routing.TopologyBuilder.rule;
import static org.mqttstudio.routing.TopologyBuilder.subClient;
import static org.mqttstudio.routing.TopologyBuilder.topology;
import static org.mqttstudio.routing.TopologyBuilder.userRule;
import static org.mqttstudio.routing.TopologyBuilder.users;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mqttstudio.routing.TopologyBuilder;
import org.mqttstudio.topology.AclAccess;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.BrokerLimits;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.StartType;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;

class CheckerTest {
    private final Checker checker = new Checker();

    /** Each pitfall: its code, its severity, a topology that has it and a near twin that does not. */
    static Stream<Arguments> pitfalls() {
        return Stream.of(
                pitfall("bridge-loop", Severity.ERROR, "two brokers both ways",
                        ab(out("#", 1)).bridge("ba", "b", "a", out("#", 1)), ab(out("#", 1))),
                pitfall("bridge-loop", Severity.ERROR, "three broker cycle",
                        cycle("x/#"), cycle("y/#")),
                pitfall("bridge-echo", Severity.WARNING, "try_private false with both",
                        two().bridge("ab", "a", "b", options(null, null, null, null, false), both("#", 0)),
                        two().bridge("ab", "a", "b", both("#", 0))),
                pitfall("bridge-loop", Severity.ERROR, "prefix remap feeds out back into in",
                        ab(rule("#", Direction.OUT, 0, "", "in/")).bridge("back", "a", "b", rule("#", Direction.IN, 0, "", "in/")),
                        ab(rule("data/#", Direction.OUT, 0, "", "in/"))
                                .bridge("back", "a", "b", rule("cmd/#", Direction.IN, 0, "", "in/"))),
                pitfall("bridge-echo", Severity.WARNING, "both towards a broker that may not be mosquitto",
                        one().external("x").bridge("ax", "a", "x", both("#", 1)),
                        one().external("x").bridge("ax", "a", "x", out("up/#", 1), in("down/#", 1))),
                pitfall("bridge-prefix-slash", Severity.WARNING, "missing slash",
                        ab(rule("temp/#", Direction.OUT, 0, "site", null)), ab(rule("temp/#", Direction.OUT, 0, "site/", null))),
                pitfall("bridge-prefix-wildcard", Severity.ERROR, "wildcard in prefix",
                        ab(rule("#", Direction.OUT, 0, "a/+/", null)), ab(rule("#", Direction.OUT, 0, "a/b/", null))),
                pitfall("bridge-invalid-filter", Severity.ERROR, "invalid rule filter",
                        ab(out("a/#/b", 0)), ab(out("a/+/b", 0))),
                pitfall("bridge-no-topics", Severity.ERROR, "bridge without rules", ab(), ab(out("#", 0))),
                pitfall("bridge-rule-cancelled", Severity.WARNING, "later out line unsubscribes the in half of both",
                        ab(both("#", 1), out("#", 2)), ab(out("#", 2), both("#", 1))),
                pitfall("bridge-rule-cancelled", Severity.WARNING, "later out line with the same remote filter",
                        ab(rule("#", Direction.IN, 0, "", "a/"), rule("a/#", Direction.OUT, 0, null, null)),
                        ab(rule("#", Direction.IN, 0, "", "a/"), rule("b/#", Direction.OUT, 0, null, null))),
                pitfall("invalid-topic", Severity.ERROR, "publisher topic with wildcard",
                        one().pub("p", "a", "a/+", 0), one().pub("p", "a", "a/b", 0)),
                pitfall("invalid-filter", Severity.ERROR, "subscriber filter with bad '#'",
                        one().sub("s", "a", "a#", 0), one().sub("s", "a", "a/#", 0)),
                pitfall("dollar-topic", Severity.INFO, "publisher topic starting with $",
                        one().pub("p", "a", "$app/x", 0).sub("s", "a", "$app/#", 0),
                        one().pub("p", "a", "app/x", 0).sub("s", "a", "app/#", 0)),
                pitfall("client-id-collision", Severity.ERROR, "same bridge name from one host",
                        abc().bridge("ac", "a", "c", named("bc"), out("#", 0)),
                        topology().broker("a", host("10.0.0.1")).broker("b").broker("c")
                                .bridge("ac", "a", "c", named("bc"), out("#", 0)).bridge("bc", "b", "c", out("#", 0))),
                pitfall("client-id-collision", Severity.ERROR, "explicit equal remote client ids",
                        abc().bridge("ac", "a", "c", clientIds("bc.fixed", null), out("#", 0))
                                .bridge("bc2", "b", "c", clientIds("bc.fixed", null), out("#", 0)),
                        abc().bridge("ac", "a", "c", clientIds("ac.fixed", null), out("#", 0))
                                .bridge("bc2", "b", "c", clientIds("bc.fixed", null), out("#", 0))),
                pitfall("client-id-collision", Severity.ERROR, "two clients with one id on one broker",
                        one().pub("p", "a", "t", 0, pubClient("same", null)).sub("s", "a", subClient("same", null), sub("t")),
                        two().pub("p", "a", "t", 0, pubClient("same", null)).sub("s", "b", subClient("same", null), sub("t"))),
                pitfall("client-id-collision", Severity.ERROR, "bridge local id equal to a client's",
                        ab(clientIds(null, "loc"), out("#", 0)).pub("p", "a", "t", 0, pubClient("loc", null)),
                        ab(clientIds(null, "loc"), out("#", 0)).pub("p", "a", "t", 0, pubClient("pub", null))),
                pitfall("bridge-clean-session", Severity.WARNING, "cleansession with QoS 1",
                        ab(options(true, null, null, null, null), out("#", 1)),
                        ab(options(true, null, null, null, null), out("#", 0))),
                pitfall("bridge-anonymous", Severity.ERROR, "remote needs a username",
                        closedRemote().bridge("ab", "a", "b", out("#", 0)),
                        closedRemote().bridge("ab", "a", "b", remoteUser("u", "pw"), out("#", 0))),
                pitfall("bridge-unknown-user", Severity.ERROR, "remote does not know the user",
                        closedRemote().bridge("ab", "a", "b", remoteUser("nobody", "pw"), out("#", 0)),
                        closedRemote().bridge("ab", "a", "b", remoteUser("u", "pw"), out("#", 0))),
                pitfall("bridge-acl-denied", Severity.WARNING, "remote ACL forbids the bridge's publish",
                        aclRemote(userRule("u", AclAccess.READ, "#")).bridge("ab", "a", "b", remoteUser("u", "pw"), out("#", 0)),
                        aclRemote(userRule("u", AclAccess.READWRITE, "#")).bridge("ab", "a", "b", remoteUser("u", "pw"), out("#", 0))),
                pitfall("bridge-acl-denied", Severity.WARNING, "remote ACL forbids the bridge's read",
                        aclRemote(userRule("u", AclAccess.WRITE, "#")).bridge("ab", "a", "b", remoteUser("u", "pw"), in("#", 0)),
                        aclRemote(userRule("u", AclAccess.READ, "#")).bridge("ab", "a", "b", remoteUser("u", "pw"), in("#", 0))),
                pitfall("bridge-password-without-username", Severity.WARNING, "remote_password alone",
                        ab(remoteUser(null, "pw"), out("#", 0)), ab(remoteUser("u", "pw"), out("#", 0))),
                pitfall("bridge-notifications-denied", Severity.WARNING, "remote ACL rejects $SYS",
                        aclRemote(pattern(AclAccess.READWRITE, "#")).bridge("ab", "a", "b", out("#", 0)),
                        aclRemote(pattern(AclAccess.READWRITE, "#"))
                                .bridge("ab", "a", "b", options(null, null, false, null, null), out("#", 0))),
                pitfall("duplicate-port", Severity.ERROR, "two listeners on one port",
                        topology().broker("a", ports(20001, 20001)), topology().broker("a", ports(20001, 20002))),
                pitfall("duplicate-port", Severity.ERROR, "two brokers on one host and port",
                        topology().broker("a", ports(1883)).broker("b", ports(1883)),
                        topology().broker("a", ports(1883)).broker("b", host("10.0.0.2").andThen(ports(1883))::apply)),
                pitfall("privileged-port", Severity.WARNING, "port below 1024",
                        topology().broker("a", ports(883)), topology().broker("a", ports(8883))),
                pitfall("no-listener", Severity.ERROR, "no listener where clients connect",
                        topology().broker("a", ports()).pub("p", "a", "t", 0), one().pub("p", "a", "t", 0)),
                pitfall("bridge-start-once", Severity.WARNING, "start_type once",
                        ab(options(null, null, null, StartType.ONCE, null), out("#", 0)),
                        ab(options(null, null, null, StartType.LAZY, null), out("#", 0))),
                pitfall("bridge-keepalive", Severity.WARNING, "keepalive below 5",
                        ab(options(null, 2, null, null, null), out("#", 0)),
                        ab(options(null, 5, null, null, null), out("#", 0))),
                pitfall("bridge-keepalive", Severity.ERROR, "keepalive above 65535",
                        ab(options(null, 70000, null, null, null), out("#", 0)),
                        ab(options(null, 65535, null, null, null), out("#", 0))),
                pitfall("subscriber-unreached", Severity.WARNING, "subscriber nothing reaches",
                        ab(out("srv/hum/#", 2)).pub("p", "a", "srv/temp", 2).sub("s", "b", "srv/temp", 2),
                        ab(out("srv/#", 2)).pub("p", "a", "srv/temp", 2).sub("s", "b", "srv/temp", 2)),
                pitfall("publisher-unheard", Severity.WARNING, "publisher nobody hears",
                        one().pub("p", "a", "t", 0).sub("s", "a", "u", 0), one().pub("p", "a", "t", 0).sub("s", "a", "t", 0)),
                pitfall("duplicate-delivery", Severity.WARNING, "two paths to one subscriber",
                        abc().bridge("ac", "a", "c", out("#", 0)).pub("p", "a", "t", 0).sub("s", "c", "t", 0),
                        two().broker("c").bridge("ab", "a", "b", out("#", 0)).bridge("bc", "b", "c", out("x", 0))
                                .bridge("ac", "a", "c", out("#", 0))
                                .pub("p", "a", "t", 0).sub("s", "c", "t", 0)),
                pitfall("overlapping-filters", Severity.INFO, "overlapping filters",
                        one().pub("p", "a", "a/b", 0).sub("s", "a", s -> s, sub("a/#"), sub("a/+")),
                        one().pub("p", "a", "a/b", 0).sub("s", "a", s -> s, sub("a/#"), sub("b/+"))),
                pitfall("shared-persistence", Severity.WARNING, "one persistence folder",
                        topology().broker("a", persistence("/var/lib/mosquitto/")).broker("b", persistence("/var/lib/mosquitto/")),
                        topology().broker("a", persistence("/var/lib/mosquitto/a/")).broker("b", persistence("/var/lib/mosquitto/b/"))),
                pitfall("shared-log-file", Severity.WARNING, "one log file",
                        topology().broker("a", logFile("/var/log/mosquitto.log")).broker("b", logFile("/var/log/mosquitto.log")),
                        topology().broker("a", logFile("/var/log/a.log")).broker("b", logFile("/var/log/b.log"))),
                pitfall("qos-downgrade", Severity.WARNING, "bridge rule lowers the QoS a subscriber asked for",
                        ab(out("#", 0)).pub("p", "a", "t", 2).sub("s", "b", "t", 2),
                        ab(out("#", 2)).pub("p", "a", "t", 2).sub("s", "b", "t", 2)),
                pitfall("qos-downgrade", Severity.INFO, "bridge rule lowers QoS nobody asked for",
                        ab(out("#", 0)).pub("p", "a", "t", 2).sub("s", "b", "t", 0),
                        ab(out("#", 2)).pub("p", "a", "t", 2).sub("s", "b", "t", 0)),
                pitfall("embedded-limit", Severity.INFO, "limits the embedded runtime applies differently",
                        topology().broker("a", limits(new BrokerLimits(null, 5, 3, true, null))),
                        topology().broker("a", limits(new BrokerLimits(1, null, null, false, false)))),
                pitfall("payload-template", Severity.ERROR, "unknown placeholder",
                        one().pub("p", "a", "t", 0, payload("n: {rand:5}")), one().pub("p", "a", "t", 0, payload("n: {rand:1:5}"))),
                pitfall("client-cannot-connect", Severity.ERROR, "anonymous client on a closed broker",
                        topology().broker("a", users("u")).pub("p", "a", "t", 0),
                        topology().broker("a", users("u")).pub("p", "a", "t", 0, pubClient("p", "u"))),
                pitfall("client-acl-denied", Severity.WARNING, "ACL forbids the publisher's topic",
                        topology().broker("a", acl(userRule(null, AclAccess.READ, "#"))).pub("p", "a", "t", 0),
                        topology().broker("a", acl(userRule(null, AclAccess.READWRITE, "#"))).pub("p", "a", "t", 0)));
    }

    private static UnaryOperator<Broker> limits(BrokerLimits limits) {
        return b -> new Broker(b.id(), b.name(), b.host(), b.listeners(), b.allowAnonymous(), b.users(), b.acl(),
                b.persistence(), b.logging(), limits, null, null);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("pitfalls")
    void reportsThePitfall(String code, Severity severity, String what, Topology trigger, Topology clean) {
        assertThat(checker.check(trigger)).filteredOn(f -> f.code().equals(code)).isNotEmpty().allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(severity);
            assertThat(f.message()).isNotBlank();
            assertThat(f.fix()).isNotBlank();
        });
        assertThat(checker.check(clean)).extracting(Finding::code).doesNotContain(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"case1", "case2", "challenge"})
    void courseSamplesHaveNoErrors(String sample) {
        assertThat(checker.check(Samples.load(sample))).extracting(Finding::severity).doesNotContain(Severity.ERROR);
    }

    @Test
    void cancelledRuleNamesBothLinesAndTheFix() {
        assertThat(checker.check(ab(both("#", 1), out("#", 2)).build()))
                .filteredOn(f -> f.code().equals("bridge-rule-cancelled")).singleElement().satisfies(f -> {
                    assertThat(f.elementId()).isEqualTo("ab");
                    assertThat(f.message()).contains("'# out 2' unsubscribes # on b", "'# both 1'");
                    assertThat(f.fix()).contains("Remove the line '# out 2'", "'both'");
                });
    }

    @Test
    void case2ReportsTheQosDowngradeOfItsRule() {
        assertThat(checker.check(Samples.load("case2"))).filteredOn(f -> f.code().equals("qos-downgrade"))
                .singleElement().satisfies(f -> {
                    assertThat(f.elementId()).isEqualTo("bridge_central");
                    assertThat(f.message()).contains("from 2 to 0", "bridge_central's rule 'srv/# out 0'",
                            "TemperatureSubscriber");
                    assertThat(f.fix()).contains("srv/# out 2");
                });
    }

    /** Issue 16: overlapping filters on one path are an info saying what each runtime sends, not a duplicate. */
    @Test
    void overlappingFiltersSayHowManyCopiesEachRuntimeSends() {
        List<Finding> findings = checker.check(TopologyBuilder.overlappingFilters(6));

        assertThat(findings).extracting(Finding::code).doesNotContain("duplicate-delivery");
        assertThat(findings).filteredOn(f -> f.code().equals("overlapping-filters"))
                .extracting(Finding::severity, Finding::elementId, Finding::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Severity.INFO, "S0", "S0 gets each of P1's messages on a/b"
                                + " through 2 filters (+/b, #) as an MQTT 5 client: embedded (HiveMQ) 1 copy carrying"
                                + " every matching subscription identifier, mosquitto 2 copies, one per filter at its"
                                + " QoS with its identifier (a known difference: an MQTT 5 subscriber's overlapping"
                                + " filters)"),
                        org.assertj.core.groups.Tuple.tuple(Severity.INFO, "S3", "S3 gets each of P1's messages on a/b"
                                + " through 2 filters (+/b, #) as an MQTT 3.1.1 client: 1 copy at the highest QoS on"
                                + " both runtimes"));
        assertThat(org.mqttstudio.runtime.KnownDifferences.about(org.mqttstudio.runtime.KnownDifferences.OVERLAP))
                .isPresent();
    }

    @Test
    void tryPrivateFalseEchoIsADuplicateNotALoop() {
        Topology t = two().bridge("ab", "a", "b", options(null, null, null, null, false), both("#", 0))
                .pub("p", "a", "t", 0).sub("s", "a", "t", 0).build();

        assertThat(checker.check(t)).extracting(Finding::code).contains("bridge-echo", "duplicate-delivery")
                .doesNotContain("bridge-loop");
    }

    @Test
    void unreachedSubscriberSaysWhichRuleStopsTheTopic() {
        Topology t = topology().broker("b2", brokerNamed("BridgeBroker2")).broker("b3", brokerNamed("BridgeBroker3"))
                .broker("central", brokerNamed("Central")).bridge("bridge2_bridge3", "b2", "b3", out("srv/#", 2))
                .bridge("bridge3_central", "b3", "central", out("srv/hum/#", 2))
                .pub("Publisher2", "b2", "srv/temperature", 2).sub("s", "central", "srv/temperature", 2).build();

        assertThat(checker.check(t)).filteredOn(f -> f.code().equals("subscriber-unreached")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains(
                        "Publisher2's srv/temperature reaches BridgeBroker2 and BridgeBroker3",
                        "bridge3_central forwards only srv/hum/#"));
    }

    @Test
    void sameBridgeNameFromOneHostNamesBothBridgesAndTheDefaultId() {
        Topology t = abc().bridge("ac", "a", "c", named("bc"), out("#", 0)).build();

        assertThat(checker.check(t)).filteredOn(f -> f.code().equals("client-id-collision")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("bridge bc (from a)", "bridge bc (from b)",
                        "<hostname>", "connect to c"));
    }

    @Test
    void findingsAreSortedErrorsFirstAndStable() {
        Topology t = ab(out("#", 0)).bridge("ba", "b", "a", out("#", 0)).pub("p", "a", "t", 2)
                .sub("s", "b", "t", 2).broker("c", ports(80)).build();

        List<Finding> findings = checker.check(t);

        assertThat(findings).extracting(Finding::severity).isSortedAccordingTo(Enum::compareTo)
                .contains(Severity.ERROR, Severity.WARNING);
        assertThat(checker.check(t)).isEqualTo(findings);
    }

    @Test
    void brokenTopologiesNeverThrow() {
        Topology broken = topology().broker("a", ports()).broker("b", users().andThen(acl(pattern(AclAccess.DENY, "%u/#")))::apply)
                .external("x")
                .bridge("ab", "a", "b", remoteUser(null, "pw"), rule("", Direction.BOTH, 2, "+", "#"), out("", 0))
                .bridge("ax", "a", "x", options(true, 0, true, StartType.ONCE, false), both("#", 2), both("$SYS/#", 2))
                .bridge("ba", "b", "a", rule("#", Direction.BOTH, 1, "a", "b"))
                .pub("p", "a", "#", 2, payload("{")).pub("q", "x", "+", 1).sub("s", "x", s -> s, sub("a/#/b"), sub("#/a"))
                .build();

        assertThatCode(() -> checker.check(broken)).doesNotThrowAnyException();
        assertThat(checker.check(broken)).extracting(Finding::code).doesNotContain("checker-failed");
    }

    @Test
    void randomTopologiesNeverMakeTheCheckerFail() {
        java.util.Random random = new java.util.Random(42);
        String[] topics = {"a", "a/b", "#", "+", "a/+", "a/#", "$SYS/#", "a/#/b", "x+", ""};
        String[] prefixes = {null, "", "p/", "p", "+/", "a/"};
        for (int n = 0; n < 300; n++) {
            TopologyBuilder b = topology();
            int brokers = 1 + random.nextInt(4);
            for (int i = 0; i < brokers; i++) {
                UnaryOperator<Broker> change = switch (random.nextInt(4)) {
                    case 0 -> users("u");
                    case 1 -> acl(pattern(AclAccess.values()[random.nextInt(4)], topics[random.nextInt(6)]));
                    case 2 -> ports(1883);
                    default -> x -> x;
                };
                b.broker("b" + i, change);
            }
            b.external("x");
            for (int i = 0; i < random.nextInt(6); i++) {
                String from = "b" + random.nextInt(brokers);
                String to = random.nextInt(4) == 0 ? "x" : "b" + random.nextInt(brokers);
                if (!from.equals(to)) {
                    b.bridge("br" + i, from, to, options(random.nextBoolean(), null, null, null, random.nextBoolean()),
                            rule(topics[random.nextInt(topics.length)], Direction.values()[random.nextInt(3)],
                                    random.nextInt(3), prefixes[random.nextInt(prefixes.length)],
                                    prefixes[random.nextInt(prefixes.length)]));
                }
            }
            for (int i = 0; i < 3; i++) {
                String on = random.nextInt(5) == 0 ? "x" : "b" + random.nextInt(brokers);
                b.pub("p" + i, on, topics[random.nextInt(topics.length - 1)], random.nextInt(3));
                b.sub("s" + i, "b" + random.nextInt(brokers), topics[random.nextInt(topics.length - 1)], random.nextInt(3));
            }
            Topology t = b.build();

            assertThat(checker.check(t)).as("topology %d", n).extracting(Finding::code).doesNotContain("checker-failed");
        }
    }

    // Builders shared by the rows above

    private static Arguments pitfall(String code, Severity severity, String what, TopologyBuilder trigger,
            TopologyBuilder clean) {
        return Arguments.of(code, severity, what, trigger.build(), clean.build());
    }

    private static TopologyBuilder one() {
        return topology().broker("a");
    }

    private static TopologyBuilder two() {
        return one().broker("b");
    }

    private static TopologyBuilder abc() {
        return two().broker("c").bridge("bc", "b", "c", out("#", 0)).bridge("ab", "a", "b", out("#", 0));
    }

    private static TopologyBuilder ab(org.mqttstudio.topology.BridgeRule... rules) {
        return two().bridge("ab", "a", "b", rules);
    }

    private static TopologyBuilder ab(UnaryOperator<org.mqttstudio.topology.Bridge> change,
            org.mqttstudio.topology.BridgeRule... rules) {
        return two().bridge("ab", "a", "b", change, rules);
    }

    /** a -> b -> c over x/#, and back from c to a over {@code back}. */
    private static TopologyBuilder cycle(String back) {
        return two().broker("c").bridge("ab", "a", "b", out("x/#", 0)).bridge("bc", "b", "c", out("x/#", 0))
                .bridge("ca", "c", "a", out(back, 0));
    }

    private static TopologyBuilder closedRemote() {
        return topology().broker("a").broker("b", users("u"));
    }

    private static TopologyBuilder aclRemote(org.mqttstudio.topology.AclRule rule) {
        return topology().broker("a").broker("b", acl(rule));
    }

    private static Subscription sub(String filter) {
        return new Subscription(filter, 0);
    }

    private static UnaryOperator<Broker> brokerNamed(String name) {
        return b -> new Broker(b.id(), name, b.host(), b.listeners(), b.allowAnonymous(), b.users(), b.acl(),
                b.persistence(), b.logging(), b.limits(), null, null);
    }
}
