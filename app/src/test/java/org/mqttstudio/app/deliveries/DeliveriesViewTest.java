package org.mqttstudio.app.deliveries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mqttstudio.app.deliveries.DeliveriesWorkspace.WAIT;
import static org.mqttstudio.app.deliveries.DeliveriesWorkspace.fx;
import static org.mqttstudio.app.deliveries.DeliveriesWorkspace.shownRows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mqttstudio.app.sequence.SequenceLayout;
import org.mqttstudio.runtime.Delivery;
import org.mqttstudio.runtime.RunSummary;
import org.mqttstudio.runtime.TopologyRunner;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Topology;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The deliveries tab on a short real run of the challenge: its rows follow the runner's summary while it runs, a
 * double-clicked message opens its sequence diagram, and after Stop the run's final figures stay.
 */
@ExtendWith(ApplicationExtension.class)
class DeliveriesViewTest {
    private Topology topology;
    private DeliveriesWorkspace workspace;

    @Start
    void start(Stage stage) throws Exception {
        Topology challenge = DeliveriesWorkspace.challenge();
        topology = challenge;
        for (Publisher p : challenge.publishers()) {
            topology = topology.withNode(p.withIntervalMs(200).withPayload(p.name() + " {seq}"));
        }
        workspace = new DeliveriesWorkspace(stage, topology);
    }

    @AfterEach
    void stop(FxRobot robot) {
        workspace.stop(robot);
    }

    /** The topics table as the view should show {@code summary}: cells as a TableCell writes them. */
    private List<Map<String, String>> expectedTopics(RunSummary summary) {
        return DeliveryTotals.of(summary, topology).topics().stream().map(r -> {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("Subscriber", r.subscriber());
            cells.put("Topic", r.topic());
            cells.put("Received", Long.toString(r.received()));
            cells.put("Missing", Long.toString(r.missing()));
            cells.put("Duplicates", r.duplicates() == null ? "" : Long.toString(r.duplicates()));
            return cells;
        }).toList();
    }

    private List<Map<String, String>> expectedPublishers(RunSummary summary) {
        return DeliveryTotals.of(summary, topology).publishers().stream().map(r -> {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("Publisher", r.publisher());
            cells.put("Topic", r.topic());
            cells.put("Sent", Long.toString(r.sent()));
            cells.put("Published", Long.toString(r.published()));
            cells.put("Awaiting ack", Long.toString(r.awaitingAck()));
            cells.put("Failed", Long.toString(r.failed()));
            return cells;
        }).toList();
    }

    private static long received(RunSummary summary, String subscriberId, String topic) {
        return summary.subscribers().stream().filter(s -> s.subscriberId().equals(subscriberId)).findFirst()
                .orElseThrow().receivedByTopic().getOrDefault(topic, 0L);
    }

    @Test
    void showsTheRunnersSummaryLiveOpensAMessageAndKeepsTheLastFiguresAfterStop(FxRobot robot) {
        TopologyRunner runner = workspace.run(robot, topology);
        workspace.select(robot, "tab-deliveries"); // a run's start brings the packets forward

        // live: each subscriber's row counts up, never ahead of what the runner counted
        await().atMost(WAIT).untilAsserted(() -> {
            List<Map<String, String>> shown = shownRows(robot, "#delivery-topics");
            RunSummary after = runner.summary();
            assertThat(shown).extracting(r -> r.get("Subscriber") + " " + r.get("Topic"))
                    .containsExactly("HumiditySubscriber srv/humidity", "TemperatureSubscriber srv/temperature");
            assertThat(Long.parseLong(shown.get(0).get("Received"))).isGreaterThanOrEqualTo(3)
                    .isLessThanOrEqualTo(received(after, "humidity-subscriber", "srv/humidity"));
            assertThat(Long.parseLong(shown.get(1).get("Received"))).isGreaterThanOrEqualTo(3)
                    .isLessThanOrEqualTo(received(after, "temperature-subscriber", "srv/temperature"));
            assertThat(shownRows(robot, "#last-payloads")).extracting(r -> r.get("Subscriber"))
                    .contains("HumiditySubscriber", "TemperatureSubscriber");
        });
        assertThat(fx(robot, () -> robot.lookup("#deliveries-status").queryAs(Label.class).getText()))
                .startsWith("Live");

        // a message's row, double-clicked: its sequence diagram in the Messages tab
        robot.moveTo("#last-payloads"); // the list holds still under the pointer
        await().atMost(WAIT).until(() -> fx(robot, () -> robot.lookup("#last-payloads").query().isHover()));
        TableRow<?> first = fx(robot, () -> robot.lookup("#last-payloads .table-row-cell").queryAllAs(TableRow.class)
                .stream().filter(r -> DeliveriesWorkspace.onScreen(r) && r.getIndex() == 0 && !r.isEmpty())
                .findFirst().orElseThrow());
        LastPayload clicked = (LastPayload) fx(robot, first::getItem);
        robot.doubleClickOn(first);
        await().atMost(WAIT).until(() -> workspace.selectedTab(robot).equals("tab-messages"));
        SequenceLayout layout = fx(robot, () -> workspace.workspace().sequences().diagram().layoutShown()
                .orElseThrow());
        assertThat(layout.lifelines()).extracting(l -> l.participant().name()).contains(clicked.subscriber());
        assertThat(runner.flows().snapshot()).filteredOn(f -> f.id() == layout.flowId()).singleElement()
                .satisfies(f -> assertThat(f.payloadText()).isEqualTo(clicked.text()));

        // one the run no longer keeps: the view says so where the user looks
        workspace.select(robot, "tab-deliveries");
        robot.moveTo("#deliveries-status"); // off the latest messages, which hold still under the pointer
        byte[] neverSent = "never sent".getBytes(StandardCharsets.UTF_8);
        robot.interact(() -> workspace.workspace().deliveries().openDiagram(new LastPayload("humidity-subscriber",
                "HumiditySubscriber", Instant.now(), "now", "srv/humidity", 2, "never sent", "central",
                "humidity_subscriber", neverSent)));
        await().atMost(WAIT).until(() -> fx(robot, () -> robot.lookup("#deliveries-note").queryAs(Label.class)
                .getText()).contains("no longer kept"));
        assertThat(workspace.selectedTab(robot)).isEqualTo("tab-deliveries");

        // Stop: the final figures are the runner's final summary, and they stay
        workspace.stop(robot);
        RunSummary last = runner.summary();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(shownRows(robot, "#delivery-topics")).isEqualTo(expectedTopics(last));
            assertThat(shownRows(robot, "#delivery-publishers")).isEqualTo(expectedPublishers(last));
        });
        assertThat(received(last, "humidity-subscriber", "srv/humidity")).isGreaterThanOrEqualTo(3);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(shownRows(robot, "#delivery-topics")).isEqualTo(expectedTopics(last)));
        assertThat(fx(robot, () -> robot.lookup("#deliveries-status").queryAs(Label.class).getText()))
                .contains("over");
        // each subscriber's newest message shown is its last delivery
        List<Delivery> delivered = runner.deliveries();
        List<Map<String, String>> payloads = shownRows(robot, "#last-payloads");
        for (String subscriber : List.of("humidity-subscriber", "temperature-subscriber")) {
            String name = topology.nameOf(subscriber);
            Delivery newest = delivered.stream().filter(d -> d.subscriberId().equals(subscriber))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(payloads.stream().filter(r -> r.get("Subscriber").equals(name)).findFirst().orElseThrow())
                    .containsEntry("Payload", newest.payloadText()).containsEntry("Topic", newest.topic())
                    .containsEntry("QoS", Integer.toString(newest.qos()));
        }
    }
}
