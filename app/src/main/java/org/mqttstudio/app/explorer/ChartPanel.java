package org.mqttstudio.app.explorer;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import org.mqttstudio.explorer.ExplorerMessage;
import org.mqttstudio.explorer.ValueExtractor;

/**
 * Numbers from payloads over time: one series per topic (or filter) and value (the first number in the text, or a
 * JSON path), a rolling window, pause, zoom (drag a box; the Zoomer's buttons reset it), export to CSV and PNG.
 * chartfx draws it, each series one polyline on a canvas from plain arrays (each {@link ChartSeries} hands it a
 * decimated copy of its window), where JavaFX's LineChart makes a node per point and stalls past a few thousand.
 */
final class ChartPanel {
    private final BorderPane pane = new BorderPane();
    private final DefaultNumericAxis time = new DefaultNumericAxis("time");
    private final DefaultNumericAxis value = new DefaultNumericAxis("value");
    private final XYChart chart = new XYChart(time, value);
    private final ErrorDataSetRenderer lines = new ErrorDataSetRenderer();
    private final TextField topic = new TextField();
    private final TextField path = new TextField();
    private final ChoiceBox<Integer> window = new ChoiceBox<>(FXCollections.observableArrayList(10, 30, 60, 300, 600));
    private final ToggleButton pause = new ToggleButton("Pause");
    private final Label problem = new Label();
    /** Chart redraws a second at most: smooth to the eye, and half a 60 Hz display's frames stay free. */
    static final int DRAWS_PER_SECOND = 30;

    private final List<ChartSeries> series = new ArrayList<>();
    private long lastDraw;
    /** Whether the time axis is zoomed (the Zoomer turns its auto-ranging off): then the series show that range. */
    private boolean zoomed;
    /** @param errors shown an export's failure in one line */
    ChartPanel(ExplorerServices services, Consumer<String> errors) {
        time.setTimeAxis(true);
        time.setUnit(null); // no "[]" after the names: a time axis and plain numbers have no unit to show
        value.setUnit(null);
        time.setAutoRangeRounding(false);
        value.setAutoRanging(true);
        // lines only: a marker per point and error bars cost the (software) renderer most of a frame at 1 000/s
        lines.setDrawMarker(false);
        lines.setErrorStyle(ErrorStyle.NONE);
        lines.setPolyLineStyle(LineStyle.NORMAL);
        chart.getRenderers().setAll(lines);
        chart.setLegendVisible(true);
        chart.getPlugins().add(new Zoomer());
        javafx.beans.InvalidationListener zoom = o -> followZoom();
        time.autoRangingProperty().addListener(zoom);
        time.minProperty().addListener(zoom);
        time.maxProperty().addListener(zoom);
        chart.setId("explorer-chart");
        topic.setId("explorer-chart-topic");
        topic.setPromptText("topic or filter, e.g. srv/temperature");
        path.setId("explorer-chart-path");
        path.setPromptText("value: first number, or a JSON path like $.sensor.temp");
        HBox.setHgrow(topic, Priority.ALWAYS);
        HBox.setHgrow(path, Priority.ALWAYS);
        window.setValue(60);
        window.setId("explorer-chart-window");
        window.valueProperty().addListener((o, old, s) -> series.forEach(c -> c.setWindow(s)));
        pause.setId("explorer-chart-pause");
        problem.getStyleClass().add("field-error");
        Button add = new Button("Plot");
        add.setId("explorer-chart-add");
        add.setOnAction(e -> add(topic.getText().strip(), path.getText()));
        Button csv = new Button("Export CSV…");
        csv.setOnAction(e -> ExplorerFiles.save(services, pane, "chart.csv", this::exportCsv, errors));
        Button png = new Button("Export PNG…");
        png.setOnAction(e -> ExplorerFiles.save(services, pane, "chart.png", this::exportPng, errors));
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            series.clear();
            lines.getDatasets().clear();
        });
        VBox controls = new VBox(4, new HBox(6, topic, path, add),
                new HBox(6, new Label("Window (s)"), window, pause, csv, png, clear), problem);
        controls.setPadding(new Insets(4));
        pane.setTop(controls);
        pane.setCenter(chart);
    }

    BorderPane node() {
        return pane;
    }

    /** Adds a series; a bad topic filter or JSON path is shown, not thrown. */
    void add(String topicFilter, String valueSpec) {
        try {
            ChartSeries added = new ChartSeries(topicFilter, ValueExtractor.parse(valueSpec), window.getValue());
            zoomTo(added);
            series.add(added);
            lines.getDatasets().add(added.data());
            problem.setText("");
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
        }
    }

    /** Re-decimates the series for a zoomed time range, or for the whole window when the zoom is undone. */
    private void followZoom() {
        boolean now = !time.isAutoRanging();
        if (!now && !zoomed) {
            return; // auto-ranging moves min and max on every new point: nothing to follow
        }
        zoomed = now;
        for (ChartSeries s : series) {
            zoomTo(s);
            s.flush();
        }
    }

    private void zoomTo(ChartSeries s) {
        if (zoomed) {
            s.zoom(time.getMin(), time.getMax());
        } else {
            s.unzoom();
        }
    }

    /** A frame's new messages: each series takes its values (drawn by the next {@link #draw}). */
    void offer(List<ExplorerMessage> fresh) {
        for (ExplorerMessage m : fresh) {
            for (ChartSeries s : series) {
                s.offer(m);
            }
        }
    }

    /**
     * Called every frame: hands the chart what changed, at most {@link #DRAWS_PER_SECOND} times a second. A chart
     * redraw is a whole canvas for the (software) renderer; the rest of the window keeps the display's rate.
     */
    void draw(long now) {
        if (pause.isSelected() || now - lastDraw < 1_000_000_000L / DRAWS_PER_SECOND) {
            return;
        }
        lastDraw = now;
        series.forEach(ChartSeries::flush);
    }

    int pointsKept() {
        return series.stream().mapToInt(ChartSeries::points).sum();
    }

    int pointsDrawn() {
        return lines.getDatasets().stream().mapToInt(d -> d.getDataCount()).sum();
    }

    List<ChartSeries> series() {
        return List.copyOf(series);
    }

    void exportCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("series,time,value\r\n");
            for (ChartSeries s : series) {
                for (int i = 0; i < s.points(); i++) {
                    out.write('"' + s.label().replace("\"", "\"\"") + "\"," + java.time.Instant.ofEpochMilli(
                            Math.round(s.time(i) * 1000)) + "," + s.value(i) + "\r\n");
                }
            }
        }
    }

    void exportPng(Path file) throws IOException {
        ImageIO.write(SwingFXUtils.fromFXImage(chart.snapshot(null, null), null), "png", file.toFile());
    }
}
