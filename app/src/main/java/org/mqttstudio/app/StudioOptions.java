package org.mqttstudio.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.mqttstudio.runtime.RunOptions;

/**
 * The command line: {@code [--screenshot OUT.png] [TOPOLOGY.json [--run [--runtime embedded|mosquitto]
 * [--port-offset N]]]}.
 *
 * @param topology the file to open at start, if any
 * @param screenshot where to save a PNG of the window before exiting, if any
 * @param run start the topology at once (a teacher's demo, a scripted check), with these settings
 */
public record StudioOptions(Optional<Path> topology, Optional<Path> screenshot, Optional<RunAtStart> run) {
    public static final String USAGE = "usage: studio [--screenshot OUT.png] [TOPOLOGY.json [--run "
            + "[--runtime embedded|mosquitto] [--port-offset N]]]";

    /**
     * Run at start: the runtime, and the port offset (empty: chosen as the Run button would, avoiding taken ports).
     */
    public record RunAtStart(RunOptions.Runtime runtime, OptionalInt portOffset) {
    }

    public StudioOptions(Optional<Path> topology, Optional<Path> screenshot) {
        this(topology, screenshot, Optional.empty());
    }

    public static StudioOptions parse(String... args) {
        return parse(List.of(args));
    }

    /** Throws IllegalArgumentException with a one-line reason for a bad command line. */
    public static StudioOptions parse(List<String> args) {
        Path topology = null;
        Path screenshot = null;
        boolean run = false;
        RunOptions.Runtime runtime = null;
        Integer offset = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--screenshot" -> screenshot = Path.of(value(args, ++i, "--screenshot needs the PNG file to write"));
                case "--run" -> run = true;
                case "--runtime" -> runtime = runtime(value(args, ++i, "--runtime needs embedded or mosquitto"));
                case "--port-offset" -> offset = offset(value(args, ++i, "--port-offset needs a number"));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option '" + arg + "'");
                    } else if (topology != null) {
                        throw new IllegalArgumentException("only one topology file can be opened, not '" + topology
                                + "' and '" + arg + "'");
                    }
                    topology = Path.of(arg);
                }
            }
        }
        if (!run && (runtime != null || offset != null)) {
            throw new IllegalArgumentException("--runtime and --port-offset go with --run");
        }
        if (run && topology == null) {
            throw new IllegalArgumentException("--run needs the topology file to run");
        }
        Optional<RunAtStart> start = run ? Optional.of(new RunAtStart(runtime == null ? RunOptions.Runtime.EMBEDDED
                : runtime, offset == null ? OptionalInt.empty() : OptionalInt.of(offset))) : Optional.empty();
        return new StudioOptions(Optional.ofNullable(topology), Optional.ofNullable(screenshot), start);
    }

    private static String value(List<String> args, int i, String missing) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(missing);
        }
        return args.get(i);
    }

    private static RunOptions.Runtime runtime(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "embedded" -> RunOptions.Runtime.EMBEDDED;
            case "mosquitto" -> RunOptions.Runtime.MOSQUITTO;
            default -> throw new IllegalArgumentException("--runtime is embedded or mosquitto, not '" + word + "'");
        };
    }

    private static int offset(String text) {
        try {
            int offset = Integer.parseInt(text);
            if (offset < 0 || offset > 60_000) {
                throw new IllegalArgumentException("--port-offset must be 0..60000, not " + offset);
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port-offset needs a number, not '" + text + "'");
        }
    }
}
