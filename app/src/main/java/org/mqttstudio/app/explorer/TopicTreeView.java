package org.mqttstudio.app.explorer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.mqttstudio.explorer.ExplorerSession;
import org.mqttstudio.explorer.TopicSummary;

/**
 * The topic tree of one connection: one item per topic level, found by topic in a map, updated from the frame's
 * batch of changed summaries (parents come first, so a new level's parent is always there). A search shows only the
 * matching topics and their parents; the full tree keeps growing underneath.
 */
final class TopicTreeView {
    /** Topics a search shows at most. */
    static final int SEARCH_MAX = 1_000;
    private static final Comparator<TreeItem<TopicSummary>> BY_NAME =
            Comparator.comparing(item -> item.getValue().name());

    private final TreeView<TopicSummary> view = new TreeView<>();
    private final TreeItem<TopicSummary> root = new TreeItem<>();
    private final Map<String, TreeItem<TopicSummary>> items = new HashMap<>();
    /** The latest summaries of levels under a collapsed parent, set when it is expanded. */
    private final Map<String, TopicSummary> stale = new HashMap<>();
    private String search = "";

    TopicTreeView() {
        view.setRoot(root);
        view.setShowRoot(false);
        view.setId("explorer-tree");
        view.setCellFactory(tree -> new TopicCell());
    }

    TreeView<TopicSummary> node() {
        return view;
    }

    /** The selected level's summary as last shown. */
    ReadOnlyObjectProperty<TreeItem<TopicSummary>> selectedItem() {
        return view.getSelectionModel().selectedItemProperty();
    }

    /**
     * Applies one frame's changed levels (parents before children). A level whose parent is collapsed is not
     * touched (a TreeItem's change travels up to the root, and a flood changes thousands a frame): it gets its
     * latest summary when its parent is expanded.
     */
    void apply(List<TopicSummary> changed) {
        Map<TreeItem<TopicSummary>, List<TreeItem<TopicSummary>>> born = new java.util.LinkedHashMap<>();
        for (TopicSummary summary : changed) {
            TreeItem<TopicSummary> item = items.get(summary.topic());
            if (item != null) {
                if (shown(item)) {
                    item.setValue(summary);
                } else {
                    stale.put(summary.topic(), summary);
                }
                continue;
            }
            item = new TreeItem<>(summary);
            items.put(summary.topic(), item);
            TreeItem<TopicSummary> created = item;
            item.expandedProperty().addListener((o, was, expanded) -> {
                if (expanded) {
                    created.getChildren().forEach(this::freshen);
                }
            });
            born.computeIfAbsent(summary.parent().map(items::get).orElse(root), p -> new ArrayList<>()).add(item);
        }
        born.forEach(TopicTreeView::adopt);
    }

    /**
     * Adds a frame's new children to their parent: all at once to a parent that had none (one change event, where
     * a flood's first frame brings a thousand), one by one in place otherwise (which keeps the selection).
     */
    private static void adopt(TreeItem<TopicSummary> parent, List<TreeItem<TopicSummary>> children) {
        if (parent.getChildren().isEmpty()) {
            children.sort(BY_NAME);
            parent.getChildren().setAll(children);
        } else {
            children.forEach(child -> insertSorted(parent.getChildren(), child));
        }
    }

    /** Whether every ancestor is expanded (the item is in the tree's rows). */
    private boolean shown(TreeItem<TopicSummary> item) {
        for (TreeItem<TopicSummary> at = item.getParent(); at != null && at != root; at = at.getParent()) {
            if (!at.isExpanded()) {
                return false;
            }
        }
        return true;
    }

    private void freshen(TreeItem<TopicSummary> child) {
        TopicSummary latest = stale.remove(child.getValue().topic());
        if (latest != null) {
            child.setValue(latest);
        }
    }

    private static void insertSorted(List<TreeItem<TopicSummary>> siblings, TreeItem<TopicSummary> item) {
        int at = java.util.Collections.binarySearch(siblings, item, BY_NAME);
        siblings.add(at < 0 ? -at - 1 : at, item);
    }

    /**
     * Shows only the topics containing the text, or matching it as an MQTT filter when it has {@code +} or
     * {@code #}; empty text shows everything again.
     *
     * @throws IllegalArgumentException naming the problem of an invalid filter
     */
    void search(String text, ExplorerSession session) {
        search = text == null ? "" : text.strip();
        if (search.isEmpty()) {
            view.setRoot(root);
            return;
        }
        List<String> topics = search.contains("+") || search.contains("#")
                ? session.matching(search, SEARCH_MAX) : session.search(search, SEARCH_MAX);
        TreeItem<TopicSummary> found = new TreeItem<>();
        Map<String, TreeItem<TopicSummary>> shown = new HashMap<>();
        for (String topic : topics) {
            List<TopicSummary> chain = new ArrayList<>();
            for (Optional<TopicSummary> at = session.topic(topic); at.isPresent();
                    at = at.get().parent().flatMap(session::topic)) {
                chain.add(0, at.get());
            }
            TreeItem<TopicSummary> parent = found;
            for (TopicSummary level : chain) {
                TreeItem<TopicSummary> item = shown.get(level.topic());
                if (item == null) {
                    item = new TreeItem<>(level);
                    item.setExpanded(true);
                    shown.put(level.topic(), item);
                    insertSorted(parent.getChildren(), item);
                }
                parent = item;
            }
        }
        view.setRoot(found);
    }

    String searchText() {
        return search;
    }

    /** Redraws the visible cells (their "… ago" text), once a second. */
    void refresh() {
        view.refresh();
    }

    int itemCount() {
        return items.size();
    }

    /** One level: name, subtree count, last value, retained marker, how long ago. */
    private static final class TopicCell extends TreeCell<TopicSummary> {
        @Override
        protected void updateItem(TopicSummary s, boolean empty) {
            super.updateItem(s, empty);
            getStyleClass().remove("explorer-retained");
            if (empty || s == null) {
                setText(null);
                return;
            }
            StringBuilder text = new StringBuilder(s.name().isEmpty() ? "(empty)" : s.name());
            text.append("  (").append(s.subtreeMessages()).append(')');
            s.last().ifPresent(m -> text.append(" = ").append(ExplorerFormat.preview(m, 40)));
            s.lastTime().ifPresent(t -> text.append("  · ").append(ago(t)));
            if (s.retained()) {
                text.append("  [retained]");
                getStyleClass().add("explorer-retained");
            }
            setText(text.toString());
        }

        private static String ago(Instant time) {
            long seconds = Duration.between(time, Instant.now()).toSeconds();
            return seconds < 1 ? "now" : seconds < 120 ? seconds + " s ago"
                    : seconds < 7200 ? seconds / 60 + " min ago" : seconds / 3600 + " h ago";
        }
    }
}
