package org.mqttstudio.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.mqttstudio.check.Finding;
import org.mqttstudio.check.Severity;
import org.mqttstudio.topology.Topology;

/** Findings as the terminal shows them: severity, element name, message, then the fix. */
final class FindingText {
    private FindingText() {
    }

    static void print(PrintWriter out, Topology topology, List<Finding> findings) {
        for (Finding f : findings) {
            String element = f.elementId() == null ? "" : " [" + topology.nameOf(f.elementId()) + "]";
            out.printf("%-7s%s %s%n", f.severity().name().toLowerCase(Locale.ROOT), element, f.message());
            if (f.fix() != null && !f.fix().isBlank()) {
                out.printf("        fix: %s%n", f.fix());
            }
        }
        out.println(summary(findings));
    }

    static String summary(List<Finding> findings) {
        return count(findings, Severity.ERROR, "error") + ", " + count(findings, Severity.WARNING, "warning") + ", "
                + count(findings, Severity.INFO, "note");
    }

    private static String count(List<Finding> findings, Severity severity, String word) {
        long n = findings.stream().filter(f -> f.severity() == severity).count();
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
