package org.mqttstudio.app.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Topology;

class DocumentTest {
    private final Document document = new Document(Topology.empty());

    @Test
    void undoAndRedoWalkTheSnapshotsAndTrackDirtiness() {
        Topology empty = document.topology();
        document.execute(AddElements.node(NewElements.broker(empty, new Position(0, 0))));
        Topology one = document.topology();
        document.execute(new MoveNodes(Map.of("broker1", new Position(40, 60))));
        Topology moved = document.topology();

        assertThat(document.dirtyProperty().get()).isTrue();
        assertThat(document.undo()).isTrue();
        assertThat(document.topology()).isEqualTo(one);
        assertThat(document.undo()).isTrue();
        assertThat(document.topology()).isEqualTo(empty);
        assertThat(document.dirtyProperty().get()).isFalse();
        assertThat(document.undo()).isFalse();
        assertThat(document.redo()).isTrue();
        assertThat(document.redo()).isTrue();
        assertThat(document.topology()).isEqualTo(moved);
        assertThat(document.canRedoProperty().get()).isFalse();
    }

    @Test
    void anEditThatChangesNothingLeavesNoStepAndANewEditClearsRedo() {
        document.execute(new MoveNodes(Map.of("nothing", new Position(1, 1))));
        assertThat(document.canUndoProperty().get()).isFalse();

        document.execute(AddElements.node(NewElements.broker(document.topology(), Position.ORIGIN)));
        document.undo();
        document.execute(AddElements.node(NewElements.externalBroker(document.topology(), Position.ORIGIN)));
        assertThat(document.canRedoProperty().get()).isFalse();
    }

    @Test
    void selectionDropsElementsThatGoAwayAndLoadForgetsHistory() {
        document.execute(AddElements.node(NewElements.broker(document.topology(), Position.ORIGIN)));
        document.select(Set.of("broker1", "ghost"));
        assertThat(document.selection()).containsExactly("broker1");
        document.execute(new DeleteElements(Set.of("broker1")));
        assertThat(document.selection()).isEmpty();

        document.load(Topology.empty(), Path.of("x.json"));
        assertThat(document.canUndoProperty().get()).isFalse();
        assertThat(document.dirtyProperty().get()).isFalse();
        assertThat(document.fileProperty().get()).isEqualTo(Path.of("x.json"));
    }

    @Test
    void newElementsGetUniqueNamesPortsAndClientIds() {
        Topology t = Topology.empty();
        t = t.withNode(NewElements.broker(t, Position.ORIGIN));
        t = t.withNode(NewElements.broker(t, Position.ORIGIN));
        t = t.withNode(NewElements.subscriber(t, "broker1", Position.ORIGIN));
        t = t.withNode(NewElements.subscriber(t, "broker1", Position.ORIGIN));
        assertThat(t.brokers()).extracting(b -> b.listeners().get(0).port()).containsExactly(1883, 1884);
        assertThat(t.subscribers()).extracting(s -> s.client().clientId()).containsExactly("subscriber1", "subscriber2");
        assertThat(NewElements.bridge(t, "broker1", "broker2").rules()).containsExactly(BridgeRule.out("#", 0));
        assertThat(NewElements.bridge(t, "broker1", "broker2").name()).isEqualTo("bridge_broker1_broker2");
    }
}
