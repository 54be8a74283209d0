package org.mqttstudio.app.properties;

import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;

/**
 * The property sheet on the right: the form of the one selected node or bridge, refreshed in
 * place when the model changes (edit, undo, redo) and rebuilt when the selection changes.
 */
public final class PropertiesPanel extends BorderPane {
    private final Document document;
    private final Label header = new Label();
    private final ScrollPane scroll = new ScrollPane();
    private final Label placeholder = new Label("Select a broker, bridge or client to edit its properties.");
    private ElementForm<?> form;

    public PropertiesPanel(Document document) {
        this.document = document;
        getStyleClass().add("properties-panel");
        setId("properties");
        header.getStyleClass().add("properties-header");
        header.setMaxWidth(Double.MAX_VALUE);
        placeholder.getStyleClass().add("properties-placeholder");
        placeholder.setWrapText(true);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("properties-scroll");
        setTop(header);
        document.selectionProperty().addListener((o, old, ids) -> show());
        document.topologyProperty().addListener((o, old, t) -> refresh(t));
        show();
    }

    /** The id of the element the sheet shows, or null. */
    public String elementId() {
        return form == null ? null : form.elementId();
    }

    /** Puts the keyboard in the sheet's first text field (the name), e.g. for a menu's "Properties". */
    public void focusForm() {
        if (form != null) {
            form.view().lookupAll(".text-field").stream().filter(n -> n instanceof TextField).findFirst()
                    .ifPresent(n -> {
                        n.requestFocus();
                        ((TextField) n).selectAll();
                    });
        }
    }

    private void refresh(Topology t) {
        if (form == null || !form.refresh(t)) {
            show();
        } else {
            header.setText(form.kind() + " · " + t.nameOf(form.elementId()));
        }
    }

    private void show() {
        Set<String> selection = document.selection();
        Topology t = document.topology();
        String id = selection.size() == 1 ? selection.iterator().next() : null;
        form = id == null ? null : formFor(t, id);
        if (form == null || !form.refresh(t)) {
            form = null;
            header.setText(selection.size() > 1 ? selection.size() + " elements selected" : "Properties");
            setCenter(placeholder);
            return;
        }
        header.setText(form.kind() + " · " + t.nameOf(id));
        scroll.setContent(form.view());
        scroll.setVvalue(0);
        setCenter(scroll);
    }

    private ElementForm<?> formFor(Topology t, String id) {
        if (t.bridge(id).isPresent()) {
            return new BridgeForm(document, id);
        }
        return t.node(id).<ElementForm<?>>map(node -> {
            if (node instanceof Broker) {
                return new BrokerForm(document, id);
            }
            if (node instanceof ExternalBroker) {
                return new ExternalBrokerForm(document, id);
            }
            if (node instanceof Publisher) {
                return new PublisherForm(document, id);
            }
            return node instanceof Subscriber ? new SubscriberForm(document, id) : null;
        }).orElse(null);
    }
}
