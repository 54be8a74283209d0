package org.mqttstudio.app.properties;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/** A column of a {@link RowsEditor}: makes the cell for one row. */
interface Column<R> {
    String header();

    /**
     * @param commit writes a changed row; returns the model's reason if it refuses it
     * @param problems told why the cell's text is invalid, or null
     */
    Cell<R> cell(String id, Function<R, Optional<String>> commit, Consumer<String> problems);

    static <R, T> Column<R> text(String header, double width, Parser<T> parser, Function<T, String> format,
            Function<R, T> read, BiFunction<R, T, R> write) {
        return new Column<>() {
            @Override
            public String header() {
                return header;
            }

            @Override
            public Cell<R> cell(String id, Function<R, Optional<String>> commit, Consumer<String> problems) {
                return new Cell<>() {
                    private R row;
                    private final TextEditor<T> editor = new TextEditor<>(new TextField(), parser, format,
                            value -> commit.apply(write.apply(row, value)), problems);

                    {
                        editor.field().setId(id);
                        editor.field().setPrefWidth(width);
                    }

                    @Override
                    public Node node() {
                        return editor.field();
                    }

                    @Override
                    public void show(R value) {
                        row = value;
                        editor.show(read.apply(value));
                    }
                };
            }
        };
    }

    static <R, T> Column<R> choice(String header, List<T> options, Function<T, String> names, Function<R, T> read,
            BiFunction<R, T, R> write) {
        return new Column<>() {
            @Override
            public String header() {
                return header;
            }

            @Override
            public Cell<R> cell(String id, Function<R, Optional<String>> commit, Consumer<String> problems) {
                ChoiceEditor<T> editor = new ChoiceEditor<>(options, names);
                editor.box().setId(id);
                return new Cell<>() {
                    private R row;

                    {
                        editor.onChange(value -> commit.apply(write.apply(row, value)).ifPresent(problems));
                    }

                    @Override
                    public Node node() {
                        return editor.box();
                    }

                    @Override
                    public void show(R value) {
                        row = value;
                        editor.show(read.apply(value));
                    }
                };
            }
        };
    }

    /** A button acting on the row, e.g. "Password…"; {@code action} returns the changed row, or empty. */
    static <R> Column<R> button(String header, String text, Function<R, Optional<R>> action) {
        return new Column<>() {
            @Override
            public String header() {
                return header;
            }

            @Override
            public Cell<R> cell(String id, Function<R, Optional<String>> commit, Consumer<String> problems) {
                Button button = new Button(text);
                button.setId(id);
                return new Cell<>() {
                    private R row;

                    {
                        button.setOnAction(e -> action.apply(row).flatMap(commit).ifPresent(problems));
                    }

                    @Override
                    public Node node() {
                        return button;
                    }

                    @Override
                    public void show(R value) {
                        row = value;
                    }
                };
            }
        };
    }

    /** A converter showing each option by its name, for combo boxes. */
    static <T> StringConverter<T> converter(List<T> options, Function<T, String> names) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : names.apply(value);
            }

            @Override
            public T fromString(String text) {
                return options.stream().filter(o -> names.apply(o).equals(text)).findFirst().orElse(null);
            }
        };
    }
}
