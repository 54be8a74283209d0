package org.mqttstudio.app.properties;

import javafx.scene.Node;

/** One cell of a {@link RowsEditor} row: its control, refreshed in place from the row's value. */
interface Cell<R> {
    Node node();

    void show(R row);
}
