package org.mqttstudio.app.animation;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.mqttstudio.app.canvas.TopologyCanvas;

/**
 * The dots' colours, topic by topic, in a small box at the canvas's lower right corner (in the canvas's screen
 * layer: it stays put while the diagram pans and zooms). At most {@value TopicColors#NAMED} topics and "other
 * topics"; hidden while no message has moved.
 */
final class TopicLegend {
    private static final double MARGIN = 10;

    private final TopologyCanvas canvas;
    private final VBox box = new VBox(2);
    private List<TopicColors.LegendEntry> shown = List.of();

    TopicLegend(TopologyCanvas canvas) {
        this.canvas = canvas;
        box.getStyleClass().add("flow-legend");
        box.setId("flow-legend");
        box.setVisible(false);
        canvas.widthProperty().addListener(o -> place());
        canvas.heightProperty().addListener(o -> place());
        box.widthProperty().addListener(o -> place());
        box.heightProperty().addListener(o -> place());
    }

    void show(List<TopicColors.LegendEntry> entries) {
        if (entries.isEmpty() || entries.equals(shown)) {
            return;
        }
        shown = entries;
        Label title = new Label("Messages by topic");
        title.getStyleClass().add("flow-legend-title");
        box.getChildren().setAll(title);
        for (TopicColors.LegendEntry entry : entries) {
            Circle swatch = new Circle(5);
            swatch.getStyleClass().addAll("flow-dot", entry.styleClass());
            Label topic = new Label(entry.topic(), swatch);
            topic.getStyleClass().add("flow-legend-topic");
            HBox row = new HBox(topic);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        if (!canvas.screenLayer().getChildren().contains(box)) {
            canvas.screenLayer().getChildren().add(box);
        }
        box.setVisible(true);
        box.autosize();
        place();
    }

    /** The topics listed now, in colour order. */
    List<TopicColors.LegendEntry> entries() {
        return shown;
    }

    void clear() {
        shown = List.of();
        box.getChildren().clear();
        box.setVisible(false);
        canvas.screenLayer().getChildren().remove(box);
    }

    private void place() {
        box.autosize();
        box.relocate(Math.max(MARGIN, canvas.getWidth() - box.getWidth() - MARGIN),
                Math.max(MARGIN, canvas.getHeight() - box.getHeight() - MARGIN));
    }
}
