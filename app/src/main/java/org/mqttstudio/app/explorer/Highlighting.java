package org.mqttstudio.app.explorer;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.mqttstudio.explorer.LineDiff;

/** Style spans for the payload views: JSON tokens, and diff lines. The colours are in assets/studio.css. */
final class Highlighting {
    private static final Pattern JSON_TOKEN = Pattern.compile(
            "(?<key>\"(?:[^\"\\\\]|\\\\.)*\"(?=\\s*:))|(?<string>\"(?:[^\"\\\\]|\\\\.)*\")"
                    + "|(?<number>-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)|(?<literal>\\btrue\\b|\\bfalse\\b|\\bnull\\b)"
                    + "|(?<punct>[{}\\[\\],:])");
    private static final String[] GROUPS = {"key", "string", "number", "literal", "punct"};

    private Highlighting() {
    }

    static StyleSpans<Collection<String>> json(String text) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Matcher m = JSON_TOKEN.matcher(text);
        int last = 0;
        while (m.find()) {
            String style = "json-punct";
            for (String group : GROUPS) {
                if (m.group(group) != null) {
                    style = "json-" + group;
                    break;
                }
            }
            spans.add(Collections.emptyList(), m.start() - last);
            spans.add(List.of(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }

    /** The diff's text, one line per diff line with a +/−/space mark, and its line styles. */
    static String diffText(List<LineDiff.Line> lines) {
        StringBuilder text = new StringBuilder();
        for (LineDiff.Line line : lines) {
            text.append(switch (line.kind()) {
                case SAME -> "  ";
                case REMOVED -> "- ";
                case ADDED -> "+ ";
            }).append(line.text()).append('\n');
        }
        return text.toString();
    }

    static StyleSpans<Collection<String>> diff(List<LineDiff.Line> lines) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        spans.add(Collections.emptyList(), 0);
        for (LineDiff.Line line : lines) {
            int length = line.text().length() + 3;
            spans.add(switch (line.kind()) {
                case SAME -> Collections.<String>emptyList();
                case REMOVED -> List.of("diff-removed");
                case ADDED -> List.of("diff-added");
            }, length);
        }
        return spans.create();
    }
}
