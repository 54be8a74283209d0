package org.mqttstudio.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mqttstudio.routing.TopologyBuilder.acl;
import static org.mqttstudio.routing.TopologyBuilder.both;
import static org.mqttstudio.routing.TopologyBuilder.in;
import static org.mqttstudio.routing.TopologyBuilder.maxQos;
import static org.mqttstudio.routing.TopologyBuilder.options;
import static org.mqttstudio.routing.TopologyBuilder.out;
import static org.mqttstudio.routing.TopologyBuilder.pubClient;
import static org.mqttstudio.routing.TopologyBuilder.remoteUser;
import static org.mqttstudio.routing.TopologyBuilder.rule;
import static org.mqttstudio.routing.TopologyBuilder.subClient;
import static org.mqttstudio.routing.TopologyBuilder.topology;
import static org.mqttstudio.routing.TopologyBuilder.userRule;
import static org.mqttstudio.routing.TopologyBuilder.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.AclAccess;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;

class RouterTest {
    private final Router router = new Router();

    @Test
    void challengeHumidityGoesOverBridge1ToCentralAtQos2() {
        RouteTable table = router.routes(Samples.load("challenge"));

        assertThat(table.routesTo("humidity-subscriber")).singleElement().satisfies(r -> {
            assertThat(r.publisherId()).isEqualTo("publisher1");
            assertThat(r.filter()).isEqualTo("srv/humidity");
            assertThat(r.hops()).containsExactly(new Hop("bridge-broker-1", null, "srv/humidity", 2),
                    new Hop("central", "bridge1_central", "srv/humidity", 2));
            assertThat(r.qos()).isEqualTo(2);
        });
    }

    @Test
    void challengeTemperatureGoesOverTwoBridgesAtQos2() {
        RouteTable table = router.routes(Samples.load("challenge"));

        assertThat(table.routesTo("temperature-subscriber")).singleElement().satisfies(r -> {
            assertThat(r.publisherId()).isEqualTo("publisher2");
            assertThat(r.bridgeIds()).containsExactly("bridge2_bridge3", "bridge3_central");
            assertThat(r.hops()).extracting(Hop::brokerId).containsExactly("bridge-broker-2", "bridge-broker-3",
                    "central");
            assertThat(r.qos()).isEqualTo(2);
        });
        assertThat(table.unreached()).isEmpty();
        assertThat(table.unheard()).isEmpty();
        assertThat(table.loops()).isEmpty();
    }

    @Test
    void case2DeliversAtQos0BecauseOfTheRule() {
        RouteTable table = router.routes(Samples.load("case2"));

        assertThat(table.routes()).hasSize(2).allSatisfy(r -> assertThat(r.qos()).isZero());
        assertThat(table.routes()).allSatisfy(r -> assertThat(r.hops().get(1).qos()).isZero());
    }

    @Test
    void case1DeliversOnOneBroker() {
        RouteTable table = router.routes(Samples.load("case1"));

        assertThat(table.routes()).extracting(Route::publisherId, Route::subscriberId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("temperature-publisher", "temperature-subscriber"),
                org.assertj.core.groups.Tuple.tuple("humidity-publisher", "humidity-subscriber"));
        assertThat(table.routes()).allSatisfy(r -> assertThat(r.hops()).hasSize(1));
    }

    @Test
    void prefixesRemapTheTopicOnEveryHop() {
        Topology t = topology().broker("a").broker("b").broker("c")
                .bridge("ab", "a", "b", rule("#", Direction.OUT, 2, "site/", "a/"))
                .bridge("bc", "b", "c", rule("temp", Direction.OUT, 1, "a/", "all/"))
                .pub("p", "a", "site/temp", 2).sub("s", "c", "all/temp", 2).build();

        Route r = router.routes(t).routes().get(0);

        assertThat(r.hops()).extracting(Hop::topic).containsExactly("site/temp", "a/temp", "all/temp");
        assertThat(r.hops()).extracting(Hop::qos).containsExactly(2, 2, 1);
        assertThat(r.qos()).isEqualTo(1);
    }

    @Test
    void inRulesPullFromTheRemoteAndBothWorksBothWays() {
        Topology t = topology().broker("edge").broker("hub")
                .bridge("pull", "edge", "hub", in("cmd/#", 1), both("sync/#", 2))
                .pub("cmd", "hub", "cmd/go", 2).pub("up", "edge", "sync/up", 2).pub("down", "hub", "sync/down", 2)
                .sub("edgeSub", "edge", "+/+", 2).sub("hubSub", "hub", "sync/up", 2).build();

        RouteTable table = router.routes(t);

        assertThat(table.routesTo("edgeSub")).extracting(Route::publisherId, Route::qos).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("cmd", 1), org.assertj.core.groups.Tuple.tuple("up", 2),
                org.assertj.core.groups.Tuple.tuple("down", 2));
        assertThat(table.routesTo("hubSub")).singleElement().satisfies(r -> assertThat(r.publisherId()).isEqualTo("up"));
        assertThat(table.loops()).isEmpty();
    }

    /** Measured with mosquitto 2.0.11: one copy, the first prefixed rule remaps, the most specific filter's QoS. */
    @Test
    void overlappingOutRulesOfOneBridgeForwardOneCopy() {
        assertThat(onlyRouteOver(rule("s/+", Direction.OUT, 2, "", "r1/"), out("s/#", 1)))
                .extracting(r -> r.hops().get(1).topic(), Route::qos).containsExactly("r1/s/b", 2);
        assertThat(onlyRouteOver(rule("s/#", Direction.OUT, 2, "", "r1/"), out("s/+", 1)))
                .extracting(r -> r.hops().get(1).topic(), Route::qos).containsExactly("r1/s/b", 1);
        assertThat(onlyRouteOver(out("s/#", 2), rule("s/+", Direction.OUT, 1, "", "r1/")))
                .extracting(r -> r.hops().get(1).topic(), Route::qos).containsExactly("r1/s/b", 1);
        assertThat(onlyRouteOver(out("#", 2), out("s/b", 1)))
                .extracting(r -> r.hops().get(1).topic(), Route::qos).containsExactly("s/b", 1);
        assertThat(onlyRouteOver(out("s/b", 2), rule("s/b", Direction.OUT, 1, "", "r1/")))
                .extracting(r -> r.hops().get(1).topic(), Route::qos).containsExactly("r1/s/b", 1);
    }

    private Route onlyRouteOver(org.mqttstudio.topology.BridgeRule... rules) {
        Topology t = topology().broker("a").broker("b").bridge("ab", "a", "b", rules)
                .pub("p", "a", "s/b", 2).sub("s", "b", "#", 2).build();
        List<Route> routes = router.routes(t).routes();
        assertThat(routes).hasSize(1);
        return routes.get(0);
    }

    /** Issue 16: one arrival per path; its copies depend on the subscriber's version and the runtime. */
    @Test
    void overlappingFiltersOfOnePathAreOneArrivalWithCopiesPerRuntime() {
        Topology t = TopologyBuilder.overlappingFilters(6);
        RouteTable table = router.routes(t);

        assertThat(table.routes()).hasSize(4);
        assertThat(table.arrivals()).extracting(Arrival::subscriberId, Arrival::filters, Arrival::topic,
                a -> a.copies(OverlapPolicy.ONE_COPY), a -> a.copies(OverlapPolicy.COPY_PER_SUBSCRIPTION))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S0", List.of("+/b", "#"), "a/b", 1, 2),
                        org.assertj.core.groups.Tuple.tuple("S3", List.of("+/b", "#"), "a/b", 1, 1));
        assertThat(RouteTableText.format(t, table)).contains("Overlapping filters (2)\n  S0 gets each of P1's "
                + "messages on a/b through 2 filters (+/b, #) as an MQTT 5 client: embedded (HiveMQ) 1 copy");
    }

    @Test
    void overlappingInRulesOfOneBridgeDeliverOneCopy() {
        Topology t = topology().broker("a").broker("b")
                .bridge("ab", "a", "b", rule("s/+", Direction.IN, 2, "l2/", ""), rule("s/#", Direction.IN, 1, "l1/", ""))
                .pub("p", "b", "s/b", 2).sub("s", "a", "#", 2).build();

        assertThat(router.routes(t).routesTo("s")).singleElement()
                .extracting(r -> r.hops().get(1).topic(), Route::qos).containsExactly("l2/s/b", 2);
    }

    @Test
    void aLaterOutRuleWithTheSameRemoteFilterCancelsTheInHalfOfBoth() {
        RouteTable cancelled = router.routes(bothThenOut(both("#", 1), out("#", 2)));
        RouteTable kept = router.routes(bothThenOut(out("#", 2), both("#", 1)));

        assertThat(cancelled.routesTo("onA")).isEmpty();
        assertThat(cancelled.routesTo("onB")).singleElement().extracting(Route::publisherId).isEqualTo("fromA");
        assertThat(kept.routesTo("onA")).singleElement().extracting(Route::publisherId).isEqualTo("fromB");
        assertThat(kept.routesTo("onB")).singleElement().extracting(Route::publisherId).isEqualTo("fromA");
    }

    private static Topology bothThenOut(org.mqttstudio.topology.BridgeRule... rules) {
        return topology().broker("a").broker("b").bridge("ab", "a", "b", rules)
                .pub("fromA", "a", "up", 2).pub("fromB", "b", "down", 2)
                .sub("onA", "a", "down", 2).sub("onB", "b", "up", 2).build();
    }

    @Test
    void dollarTopicsAreNotMatchedByLeadingWildcards() {
        Topology t = topology().broker("a").broker("b").bridge("ab", "a", "b", out("#", 0))
                .pub("p", "a", "$app/x", 0).sub("all", "a", "#", 0).sub("exact", "a", "$app/x", 0).build();

        RouteTable table = router.routes(t);

        assertThat(table.routes()).extracting(Route::subscriberId).containsExactly("exact");
        assertThat(table.routes().get(0).hops()).hasSize(1);
    }

    @Test
    void noEchoBackOverTheBridgeAMessageCameIn() {
        Topology t = topology().broker("a").broker("b").bridge("ab", "a", "b", both("#", 1))
                .pub("p", "a", "t", 1).sub("s", "a", "t", 1).build();

        RouteTable table = router.routes(t);

        assertThat(table.routes()).singleElement().satisfies(r -> assertThat(r.hops()).hasSize(1));
        assertThat(table.loops()).isEmpty();
    }

    @Test
    void tryPrivateFalseWithBothEchoesOnceAsMosquittoDoes() {
        Topology t = topology().broker("a").broker("b")
                .bridge("ab", "a", "b", options(null, null, null, null, false), both("#", 1))
                .pub("p", "a", "t", 1).sub("s", "a", "t", 1).build();

        RouteTable table = router.routes(t);

        assertThat(table.routes()).extracting(r -> r.hops().stream().map(Hop::brokerId).toList())
                .containsExactlyInAnyOrder(List.of("a"), List.of("a", "b", "a"));
        assertThat(table.loops()).isEmpty();
    }

    @Test
    void twoBrokersBridgedBothWaysLoopFoundWithoutPublishers() {
        Topology t = topology().broker("a").broker("b").bridge("ab", "a", "b", out("#", 1))
                .bridge("ba", "b", "a", out("#", 1)).build();

        List<Loop> loops = router.routes(t).loops();

        assertThat(loops).singleElement().satisfies(l -> {
            assertThat(l.bridgeIds()).containsExactlyInAnyOrder("ab", "ba");
            assertThat(l.brokerIds()).containsExactlyInAnyOrder("a", "b");
            assertThat(l.explanation()).contains("(ab)", "(ba)", "round again").doesNotContain("try_private");
        });
    }

    @Test
    void threeBrokerCycleIsOneLoopAndDisjointTopicsAreNone() {
        Topology cycle = topology().broker("a").broker("b").broker("c").bridge("ab", "a", "b", out("x/#", 0))
                .bridge("bc", "b", "c", out("x/#", 0)).bridge("ca", "c", "a", out("x/#", 0))
                .pub("p", "a", "x/1", 0).build();
        Topology disjoint = topology().broker("a").broker("b").broker("c").bridge("ab", "a", "b", out("x/#", 0))
                .bridge("bc", "b", "c", out("x/#", 0)).bridge("ca", "c", "a", out("y/#", 0)).build();

        assertThat(router.routes(cycle).loops()).singleElement()
                .satisfies(l -> assertThat(l.bridgeIds()).containsExactlyInAnyOrder("ab", "bc", "ca"));
        assertThat(router.routes(disjoint).loops()).isEmpty();
    }

    @Test
    void prefixRemapFeedingBackGrowsTheTopicAndIsALoop() {
        Topology t = topology().broker("a").broker("b")
                .bridge("ab", "a", "b", rule("#", Direction.OUT, 0, "", "a/"))
                .bridge("ba", "b", "a", rule("#", Direction.OUT, 0, "", "b/")).build();

        assertThat(router.routes(t).loops()).singleElement().satisfies(l -> {
            assertThat(l.bridgeIds()).containsExactlyInAnyOrder("ab", "ba");
            assertThat(l.explanation()).contains("grows");
        });
    }

    @Test
    void maxQosOfABrokerCapsDelivery() {
        Topology t = topology().broker("a").broker("b", maxQos(1)).bridge("ab", "a", "b", out("#", 2))
                .pub("p", "a", "t", 2).sub("s", "b", "t", 2).build();

        assertThat(router.routes(t).routes()).singleElement().satisfies(r -> assertThat(r.qos()).isEqualTo(1));
    }

    @Test
    void aPublisherAboveItsBrokersMaxQosIsDisconnectedAndReachesNobody() {
        Topology above = topology().broker("a", maxQos(1)).pub("p", "a", "t", 2).sub("s", "a", "t", 2).build();
        Topology within = topology().broker("a", maxQos(1)).pub("p", "a", "t", 1).sub("s", "a", "t", 2).build();

        RouteTable table = router.routes(above);
        assertThat(table.routes()).isEmpty();
        assertThat(table.unheard()).singleElement().satisfies(u -> assertThat(u.reason())
                .contains("p publishes at QoS 2 but a has max_qos 1: it disconnects an MQTT 3.1.1 client"));
        assertThat(router.routes(within).routes()).singleElement().satisfies(r -> assertThat(r.qos()).isEqualTo(1));
    }

    @Test
    void unreachedSubscriberNamesTheRuleThatStopsTheTopic() {
        Topology t = topology().broker("b2").broker("b3").broker("central")
                .bridge("bridge2_bridge3", "b2", "b3", out("srv/#", 2))
                .bridge("bridge3_central", "b3", "central", out("srv/hum/#", 2))
                .pub("Publisher2", "b2", "srv/temperature", 2).sub("temp", "central", "srv/temperature", 2).build();

        RouteTable table = router.routes(t);

        assertThat(table.unreached()).singleElement().satisfies(u -> assertThat(u.reason())
                .contains("Publisher2's srv/temperature reaches b2 and b3")
                .contains("bridge3_central forwards only srv/hum/#"));
        assertThat(table.unheard()).singleElement().satisfies(u -> assertThat(u.reason())
                .contains("bridge3_central forwards only srv/hum/#"));
    }

    @Test
    void unreachedSubscriberIsToldWhatArrivesInstead() {
        Topology t = topology().broker("a").broker("b").bridge("ab", "a", "b", rule("#", Direction.OUT, 0, "", "in/"))
                .pub("p", "a", "srv/t", 0).sub("same", "b", "srv/t", 0).sub("other", "b", "in/x/#", 0).build();

        assertThat(router.routes(t).unreached()).extracting(Unreached::reason).containsExactly(
                "p's srv/t reaches a and b (as in/srv/t); on b it is in/srv/t, which srv/t does not match",
                "no publisher publishes to a topic that in/x/# matches. p's srv/t reaches b as in/srv/t,"
                        + " which in/x/# does not match");
    }

    @Test
    void bridgeWithoutUsernameToAClosedBrokerForwardsNothing() {
        Topology closed = topology().broker("a").broker("b", users("bridge")).bridge("ab", "a", "b", out("#", 0))
                .pub("p", "a", "t", 0).sub("s", "b", subClient("s", "bridge"), new org.mqttstudio.topology.Subscription("t", 0))
                .build();
        Topology withUser = topology().broker("a").broker("b", users("bridge"))
                .bridge("ab", "a", "b", remoteUser("bridge", "pw"), out("#", 0))
                .pub("p", "a", "t", 0).sub("s", "b", subClient("s", "bridge"), new org.mqttstudio.topology.Subscription("t", 0))
                .build();

        assertThat(router.routes(closed).unheard()).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("ab cannot connect").contains("anonymous"));
        assertThat(router.routes(withUser).routes()).hasSize(1);
    }

    @Test
    void remoteAclDecidesWhatTheBridgeMayPublish() {
        Topology t = topology().broker("a")
                .broker("b", acl(userRule(null, AclAccess.WRITE, "ok/#"), userRule(null, AclAccess.READ, "#")))
                .bridge("ab", "a", "b", out("#", 0))
                .pub("good", "a", "ok/1", 0).pub("bad", "a", "no/1", 0).sub("s", "b", "#", 0).build();

        RouteTable table = router.routes(t);

        assertThat(table.routes()).extracting(Route::publisherId).containsExactly("good");
        assertThat(table.unheard()).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("does not let ab (anonymous) publish no/1"));
    }

    @Test
    void publisherAndSubscriberAclsApplyOnTheirBroker() {
        Topology t = topology()
                .broker("a", acl(userRule("alice", AclAccess.WRITE, "t"), userRule("bob", AclAccess.DENY, "t"),
                        userRule("bob", AclAccess.READ, "#")))
                .pub("alice", "a", "t", 0, pubClient("alice", "alice")).pub("anon", "a", "t", 0)
                .sub("bob", "a", subClient("bob", "bob"), new org.mqttstudio.topology.Subscription("#", 0)).build();

        RouteTable table = router.routes(t);

        assertThat(table.routes()).isEmpty();
        assertThat(table.unheard()).extracting(Unheard::publisherId).containsExactlyInAnyOrder("alice", "anon");
        assertThat(table.unheard()).filteredOn(u -> u.publisherId().equals("anon")).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("does not let anon publish to t"));
        assertThat(table.unreached()).singleElement().satisfies(u -> assertThat(u.reason()).contains("bob read t"));
    }

    @Test
    void subscriberWithOverlappingFiltersGetsTwoRoutes() {
        Topology t = topology().broker("a").pub("p", "a", "a/b", 1)
                .sub("s", "a", s -> s, new org.mqttstudio.topology.Subscription("a/#", 1),
                        new org.mqttstudio.topology.Subscription("a/b", 0)).build();

        assertThat(router.routes(t).routes()).extracting(Route::filter, Route::qos).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("a/#", 1), org.assertj.core.groups.Tuple.tuple("a/b", 0));
    }

    @Test
    void messagesStopAtAnExternalBrokerButItsSubscribersGetThem() {
        Topology t = topology().broker("a").external("cloud").bridge("up", "a", "cloud", out("#", 1))
                .pub("p", "a", "t", 1).sub("s", "cloud", "t", 1).build();

        assertThat(router.routes(t).routes()).singleElement()
                .satisfies(r -> assertThat(r.hops()).extracting(Hop::brokerId).containsExactly("a", "cloud"));
    }

    @Test
    void tableIsJsonAndText() throws Exception {
        Topology t = Samples.load("challenge");
        RouteTable table = router.routes(t);

        String json = new ObjectMapper().writeValueAsString(table);
        String text = RouteTableText.format(t, table);

        assertThat(new ObjectMapper().readValue(json, RouteTable.class)).isEqualTo(table);
        assertThat(text).contains("Publisher1 -> HumiditySubscriber").contains("bridge1_central -> Central")
                .doesNotContain("publisher1 ");
    }

    @Test
    void aLoopingMeshStaysBoundedInTimeAndSize() {
        TopologyBuilder mesh = topology();
        int n = 8;
        for (int i = 0; i < n; i++) {
            mesh.broker("b" + i).pub("p" + i, "b" + i, "t", 1).sub("s" + i, "b" + i, "#", 1);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    mesh.bridge("x" + i + "_" + j, "b" + i, "b" + j, both("#", 1));
                }
            }
        }

        RouteTable table = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> router.routes(mesh.build()));

        assertThat(table.loops()).hasSizeBetween(1, 20);
        assertThat(table.routes()).hasSizeLessThanOrEqualTo(n * n * 4);
    }

    @Test
    void emptyTopologyHasNothing() {
        assertThat(router.routes(Topology.empty())).isEqualTo(new RouteTable(List.of(), List.of(), List.of(), List.of()));
    }
}
