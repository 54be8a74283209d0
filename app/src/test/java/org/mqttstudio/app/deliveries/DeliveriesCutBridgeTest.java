package org.mqttstudio.app.deliveries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mqttstudio.app.deliveries.DeliveriesWorkspace.WAIT;
import static org.mqttstudio.app.deliveries.DeliveriesWorkspace.fx;
import static org.mqttstudio.app.deliveries.DeliveriesWorkspace.topicRow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mqttstudio.app.sequence.SequenceLayout;
import org.mqttstudio.app.sequence.SequenceLayout.Arrow;
import org.mqttstudio.runtime.TopologyRunner;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.RestartTimeout;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.FlowHop;
import org.mqttstudio.trace.MessageFlow;
import org.mqttstudio.trace.PacketType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 11's lesson on a real run: bridge1_central cut for 5 s while Publisher1 sends QoS 2 every 200 ms, then
 * restored. The deliveries tab counts the held messages missing during the cut and shows every humidity message
 * exactly once after the queue flushed; a message published during the cut, double-clicked there, opens a diagram
 * with its late hop.
 */
@ExtendWith(ApplicationExtension.class)
class DeliveriesCutBridgeTest {
    private static final String HUMIDITY = "humidity-subscriber";
    private static final Duration CUT = Duration.ofSeconds(5);

    private Topology topology;
    private DeliveriesWorkspace workspace;

    @Start
    void start(Stage stage) throws Exception {
        Topology challenge = DeliveriesWorkspace.challenge();
        Publisher humidity = challenge.publishers().get(0);
        assertThat(humidity.qos()).isEqualTo(2);
        Bridge bridge = challenge.bridge("bridge1_central").orElseThrow();
        // numbered payloads tell each message apart; a bridge retrying every second (restart_timeout 1) flushes
        // within a second of the restore, where mosquitto's default (5 s, then 10 s) may wait 10 s more
        topology = challenge.withNode(humidity.withPayload("Humidity {seq}").withIntervalMs(200))
                .withBridge(bridge.withRestartTimeout(new RestartTimeout(1, null)));
        workspace = new DeliveriesWorkspace(stage, topology);
    }

    @AfterEach
    void stop(FxRobot robot) {
        workspace.stop(robot);
    }

    private long sent(TopologyRunner runner) {
        return runner.summary().publishers().stream().filter(p -> p.publisherId().equals("publisher1"))
                .findFirst().orElseThrow().sent();
    }

    private static long seq(String payload) {
        return Long.parseLong(payload.substring("Humidity ".length()));
    }

    @Test
    void everyHumidityMessageArrivesOnceAfterA5SecondCutAndOneHeldShowsItsLateHop(FxRobot robot) throws Exception {
        TopologyRunner runner = workspace.run(robot, topology);
        workspace.select(robot, "tab-deliveries"); // a run's start brings the packets forward
        await().atMost(WAIT).until(() -> topicRow(robot, "HumiditySubscriber", "srv/humidity")
                .map(r -> Long.parseLong(r.get("Received")) >= 3).orElse(false));

        long sentBeforeCut = sent(runner);
        Instant cut = Instant.now();
        runner.cutLink("bridge1_central");
        // the view counts what the cut holds back as missing
        await().atMost(CUT).until(() -> topicRow(robot, "HumiditySubscriber", "srv/humidity")
                .map(r -> Long.parseLong(r.get("Missing")) >= 3).orElse(false));
        workspace.snapshot(robot, "deliveries-during-cut.png");
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), cut.plus(CUT)).toMillis())); // the cut's length
        long sentBeforeRestore = sent(runner);
        Instant restored = Instant.now();
        runner.restoreLink("bridge1_central");

        // exactly once: nothing missing, no duplicate, as the tab's cells show, and more received than sent at restore
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, String> row = topicRow(robot, "HumiditySubscriber", "srv/humidity").orElseThrow();
            assertThat(row).containsEntry("Missing", "0").containsEntry("Duplicates", "0");
            assertThat(Long.parseLong(row.get("Received"))).isGreaterThanOrEqualTo(sentBeforeRestore);
        });
        workspace.snapshot(robot, "deliveries.png");
        Map<Long, Long> copies = runner.deliveries().stream().filter(d -> d.subscriberId().equals(HUMIDITY))
                .map(d -> seq(d.payloadText())).collect(Collectors.groupingBy(Function.identity(),
                        Collectors.counting()));
        assertThat(LongStream.rangeClosed(1, sentBeforeRestore).boxed().toList())
                .allSatisfy(seq -> assertThat(copies).as("Humidity %d", seq).containsEntry(seq, 1L));
        assertThat(copies.values()).containsOnly(1L);

        // a message published well inside the cut, from the tab's latest messages
        java.util.function.Predicate<Object> ofTheCut = item -> item instanceof LastPayload p
                && p.subscriberId().equals(HUMIDITY) && seq(p.text()) > sentBeforeCut + 5
                && seq(p.text()) < sentBeforeRestore - 5;
        // the pointer on the list holds it still; scrolled to the message as a user would
        robot.moveTo("#last-payloads");
        await().atMost(WAIT).until(() -> fx(robot, () -> robot.lookup("#last-payloads").query().isHover()));
        LastPayload wanted = fx(robot, () -> {
            TableView<?> table = robot.lookup("#last-payloads").queryTableView();
            Object item = table.getItems().stream().filter(ofTheCut).findFirst()
                    .orElseThrow(() -> new AssertionError("no message of the cut among the latest"));
            table.scrollTo(table.getItems().indexOf(item));
            return (LastPayload) item;
        });
        TableRow<?> held = await().atMost(WAIT).until(() -> fx(robot, () -> robot.lookup("#last-payloads .table-row-cell")
                .queryAllAs(TableRow.class).stream().filter(r -> DeliveriesWorkspace.onScreen(r) && r.getItem() == wanted)
                .findFirst()),
                java.util.Optional::isPresent).orElseThrow();
        long clicked = seq(wanted.text());
        robot.doubleClickOn(held);
        await().atMost(WAIT).until(() -> workspace.selectedTab(robot).equals("tab-messages"));
        SequenceLayout layout = fx(robot, () -> workspace.workspace().sequences().diagram().layoutShown()
                .orElseThrow());
        MessageFlow flow = runner.flows().snapshot().stream().filter(f -> f.id() == layout.flowId()).findFirst()
                .orElseThrow();
        assertThat(seq(flow.payloadText())).as("the message double-clicked, published during the cut")
                .isEqualTo(clicked);
        assertThat(layout.lifelines()).extracting(l -> l.participant().name())
                .containsExactly("Publisher1", "BridgeBroker1", "Central", "HumiditySubscriber");
        // its first hop during the cut, the hops past the bridge after the restore, each a full QoS 2 handshake
        List<FlowHop> hops = flow.hops();
        assertThat(hops).hasSize(3);
        assertThat(hops.get(0).published()).isAfter(cut).isBefore(restored);
        assertThat(hops.get(1).published()).isAfter(restored);
        assertThat(hops.get(2).published()).isAfter(restored);
        assertThat(Duration.between(hops.get(0).published(), hops.get(2).published()))
                .isGreaterThan(Duration.ofSeconds(1));
        for (int h = 0; h < 3; h++) {
            int hop = h;
            assertThat(layout.arrows().stream().filter(a -> a.hop() == hop).map(Arrow::type).toList())
                    .as("hop %d", h).startsWith(PacketType.PUBLISH).contains(PacketType.PUBCOMP);
        }
        assertThat(layout.gaps()).anySatisfy(gap -> assertThat(gap.label()).endsWith(" s later"));
    }
}
