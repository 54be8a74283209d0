package org.mqttstudio.app.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ScrollPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mqttstudio.app.flows.Participant;
import org.mqttstudio.app.flows.Participants;
import org.mqttstudio.app.sequence.SequenceLayout.Arrow;
import org.mqttstudio.app.sequence.SequenceLayout.Style;
import org.mqttstudio.trace.FlowHop;
import org.mqttstudio.trace.MessageFlow;
import org.mqttstudio.trace.PacketDirection;
import org.mqttstudio.trace.PacketType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The diagram of flows made by hand (the run tests show real ones): a resend and a hop that never completed are
 * drawn as such, the lifelines follow the message, and the SVG has the same packets as the screen.
 */
@ExtendWith(ApplicationExtension.class)
class SequenceDiagramTest {
    private static final Instant T0 = Instant.parse("2026-12-04T18:00:00Z");
    private static final PacketDirection IN = PacketDirection.CLIENT_TO_BROKER;
    private static final PacketDirection OUT = PacketDirection.BROKER_TO_CLIENT;

    /** Publisher "pub" at node a, bridge "a_b" (client of a) into node b, and subscribers "sub…" at b. */
    private static final Participants NAMES = new Participants() {
        @Override
        public Participant node(String nodeId) {
            return new Participant("node:" + nodeId, "Broker " + nodeId.toUpperCase(), Participant.Role.BROKER);
        }

        @Override
        public ClientSide clientSide(FlowHop hop) {
            if (hop.clientId().equals("a_b")) {
                return new ClientSide(node("a"), "a_b");
            }
            Participant.Role role = hop.clientId().startsWith("pub") ? Participant.Role.PUBLISHER
                    : Participant.Role.SUBSCRIBER;
            return new ClientSide(new Participant("client:" + hop.clientId(), hop.clientId(), role), null);
        }
    };

    private final SequenceDiagram diagram = new SequenceDiagram();

    @Start
    void start(Stage stage) {
        DiagramScenes.show(stage, new ScrollPane(diagram), 1100, 600);
    }

    private static Instant at(double ms) {
        return T0.plusNanos((long) (ms * 1_000_000));
    }

    private static FlowHop.Ack ack(PacketType type, PacketDirection direction, double ms) {
        return new FlowHop.Ack(type, direction, at(ms), List.of());
    }

    /** QoS 2 into a with a DUP resend and a resent PUBREL, then the bridge into b, cut after the PUBREC. */
    private static MessageFlow retriedAndCut() {
        FlowHop first = new FlowHop("a", 1, "pub", IN, "t", 2, 7, false, at(0), List.of(
                ack(PacketType.PUBLISH, IN, 900), ack(PacketType.PUBREC, OUT, 901), ack(PacketType.PUBREL, IN, 902),
                ack(PacketType.PUBREL, IN, 1500), ack(PacketType.PUBCOMP, OUT, 1501)));
        FlowHop bridged = new FlowHop("b", 3, "a_b", IN, "remote/t", 2, 41, false, at(905), List.of(
                ack(PacketType.PUBREC, OUT, 906)));
        return new MessageFlow(5, "21.5".getBytes(), List.of(first, bridged), false);
    }

    @Test
    void aResendAndAHopThatNeverCompletedAreDrawnAsSuch(FxRobot robot) throws Exception {
        SequenceLayout layout = SequenceLayout.of(retriedAndCut(), NAMES);
        robot.interact(() -> diagram.show(layout));

        assertThat(layout.lifelines()).extracting(l -> l.participant().name())
                .containsExactly("pub", "Broker A", "Broker B");
        assertThat(layout.lifelines().get(1).bridges()).containsExactly("a_b");
        assertThat(layout.arrows()).extracting(Arrow::hop, Arrow::type, Arrow::packetId, Arrow::style, Arrow::from,
                Arrow::to).containsExactly(
                tuple(0, PacketType.PUBLISH, 7, Style.PUBLISH, 0, 1),
                tuple(0, PacketType.PUBLISH, 7, Style.RETRY, 0, 1),
                tuple(0, PacketType.PUBREC, 7, Style.ACK, 1, 0),
                tuple(0, PacketType.PUBREL, 7, Style.ACK, 0, 1),
                tuple(1, PacketType.PUBLISH, 41, Style.PUBLISH, 1, 2),
                tuple(1, PacketType.PUBREC, 41, Style.ACK, 2, 1),
                tuple(1, PacketType.PUBREL, 41, Style.MISSING, 1, 2),
                tuple(0, PacketType.PUBREL, 7, Style.RETRY, 0, 1),
                tuple(0, PacketType.PUBCOMP, 7, Style.ACK, 1, 0));
        assertThat(layout.arrows()).extracting(Arrow::label).contains("PUBLISH id 7 · QoS 2 · DUP 0",
                "PUBLISH id 7 · QoS 2 · DUP 1", "PUBREL id 7 · resent", "PUBREL id 41 · never seen");
        assertThat(layout.arrows()).extracting(Arrow::time).contains("+0.000 ms", "+900.0 ms", "+1.501 s", "");
        assertThat(layout.arrows().get(4).note()).isEqualTo("topic remote/t");
        // the long waits (the resend timer, the cut) get a marked gap each
        assertThat(layout.gaps()).extracting(SequenceLayout.Gap::label)
                .containsExactly("900.0 ms later", "594.0 ms later");
        assertThat(layout.gaps().get(0).y()).isBetween(layout.arrows().get(0).y(), layout.arrows().get(1).y());
        assertThat(layout.title()).contains("2 hops", "1 not completed");
        SequencePalette palette = paletteOf(robot);
        assertThat(palette.arrows().get(Style.MISSING).dashes()).containsExactly(2.0, 4.0);
        assertThat(palette.arrows().get(Style.RETRY).width())
                .isGreaterThan(palette.arrows().get(Style.PUBLISH).width());
        assertThat(palette.arrows().values()).extracting(SequencePalette.Ink::colour).doesNotHaveDuplicates();
        // the canvas drew the layout: the first PUBLISH's line has the PUBLISH colour just right of its sender
        Arrow publish = layout.arrows().get(0);
        Color drawn = pixel(robot, layout.x(publish.from()) + 20, publish.y());
        assertThat(palette.arrows().entrySet().stream()
                .min(java.util.Comparator.comparingDouble(e -> distance(drawn, Color.web(e.getValue().colour()))))
                .orElseThrow().getKey()).isEqualTo(Style.PUBLISH);
        assertThat(distance(drawn, Color.WHITE)).isGreaterThan(0.5);

        Path svg = DiagramScenes.SCREENSHOTS.resolve("sequence-retry-and-cut.svg");
        robot.interact(() -> {
            try {
                diagram.exportSvg(svg);
                diagram.exportPng(DiagramScenes.SCREENSHOTS.resolve("sequence-retry-and-cut.png"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        Document xml = DiagramScenes.xml(svg);
        NodeList packets = xml.getElementsByTagName("g");
        List<String> types = new ArrayList<>();
        for (int i = 0; i < packets.getLength(); i++) {
            Element g = (Element) packets.item(i);
            if (g.getAttribute("class").startsWith("packet ")) {
                types.add(g.getAttribute("data-type"));
                assertThat(g.getElementsByTagName("line").getLength()).isEqualTo(1);
            }
        }
        assertThat(types).containsExactly("PUBLISH", "PUBLISH", "PUBREC", "PUBREL", "PUBLISH", "PUBREC", "PUBREL",
                "PUBREL", "PUBCOMP");
        assertThat(Files.readString(svg)).contains("stroke-dasharray=\"2.0 4.0\"", "PUBREL id 41 · never seen");
        assertThat(DiagramScenes.SCREENSHOTS.resolve("sequence-retry-and-cut.png")).isNotEmptyFile();
    }

    private SequencePalette paletteOf(FxRobot robot) {
        SequencePalette[] palette = new SequencePalette[1];
        robot.interact(() -> palette[0] = diagram.palette());
        return palette[0];
    }

    /** The colour the canvas has at (x, y), from a snapshot of the diagram. */
    private Color pixel(FxRobot robot, double x, double y) {
        Color[] colour = new Color[1];
        robot.interact(() -> colour[0] = diagram.snapshot(null, null).getPixelReader().getColor((int) x, (int) y));
        return colour[0];
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    @Test
    void aQos0MessageFanningOutToManySubscribersIsOneArrowEachAndCheapToDraw(FxRobot robot) {
        List<FlowHop> hops = new ArrayList<>();
        hops.add(new FlowHop("a", 1, "pub", IN, "t", 0, null, false, at(0), List.of()));
        for (int s = 0; s < 64; s++) {
            hops.add(new FlowHop("a", 10 + s, "sub" + s, OUT, "t", 0, null, false, at(1 + s * 0.01), List.of()));
        }
        MessageFlow flow = new MessageFlow(9, "x".getBytes(), hops, true);
        long[] nanos = new long[1];
        for (int round = 0; round < 3; round++) { // the last round counts: the first ones load and compile classes
            robot.interact(() -> {
                long start = System.nanoTime();
                diagram.show(SequenceLayout.of(flow, NAMES));
                diagram.applyCss();
                diagram.layout();
                nanos[0] = System.nanoTime() - start;
            });
        }
        SequenceLayout layout = diagram.layoutShown().orElseThrow();
        assertThat(layout.lifelines()).hasSize(66);
        assertThat(layout.arrows()).hasSize(65).allSatisfy(a -> {
            assertThat(a.type()).isEqualTo(PacketType.PUBLISH);
            assertThat(a.label()).isEqualTo("PUBLISH (no id) · QoS 0 · DUP 0");
        });
        assertThat(layout.arrows()).extracting(Arrow::to).doesNotHaveDuplicates();
        // layout, palette and canvas drawing of 65 arrows and 66 lifelines on the FX thread: within a few frames
        assertThat(Duration.ofNanos(nanos[0])).isLessThan(Duration.ofMillis(100));
        System.out.printf("sequence diagram of 65 packets: %.1f ms to lay out and draw%n", nanos[0] / 1e6);
    }
}
