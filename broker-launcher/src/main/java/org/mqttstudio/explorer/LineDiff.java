package org.mqttstudio.explorer;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence), for "this message against the previous one of its topic";
 * JSON payloads are compared pretty-printed so that a changed field is one changed line.
 */
public final class LineDiff {
    /** Past this many lines on either side the diff says the texts differ without aligning them (LCS is n·m). */
    static final int MAX_LINES = 2_000;

    public enum Kind { SAME, REMOVED, ADDED }

    public record Line(Kind kind, String text) {
    }

    private LineDiff() {
    }

    public static List<Line> of(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            List<Line> lines = new ArrayList<>();
            for (String line : a) {
                lines.add(new Line(Kind.REMOVED, line));
            }
            for (String line : b) {
                lines.add(new Line(Kind.ADDED, line));
            }
            return lines;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add(new Line(Kind.SAME, a[i++]));
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                lines.add(new Line(Kind.REMOVED, a[i++])); // the old line first, as diff tools show it
            } else {
                lines.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        return lines;
    }

    /** Two payloads compared as pretty JSON when both are JSON, else as text. */
    public static List<Line> ofPayloads(byte[] before, byte[] after) {
        var jsonBefore = PayloadViews.prettyJson(before);
        var jsonAfter = PayloadViews.prettyJson(after);
        if (jsonBefore.isPresent() && jsonAfter.isPresent()) {
            return of(jsonBefore.get(), jsonAfter.get());
        }
        return of(PayloadViews.text(before), PayloadViews.text(after));
    }
}
