package org.mqttstudio.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the desktop app needs from a Linux machine before JavaFX starts: a display and the GTK 3 and
 * X libraries JavaFX's native code links to. Without them JavaFX dies with a stack trace ("Unable
 * to load glass GTK library", "Unable to open DISPLAY"); this says in one line what is missing and
 * how to get it.
 */
final class DesktopPrerequisites {
    /**
     * The libraries JavaFX 21's glass and prism libraries link to beyond what GTK 3 itself pulls in
     * ({@code readelf -d libglassgtk3.so libprism_es2.so}), each with the Debian/Ubuntu package that has it.
     */
    static final Map<String, String> LIBRARIES = libraries();
    private static final String CLI_HINT = "the command line needs no display: studio --help";
    private static final String INSTALL = "sudo apt-get install " + String.join(" ", LIBRARIES.values());

    private DesktopPrerequisites() {
    }

    /**
     * The one-line reason the desktop app cannot start here, if any.
     *
     * @param env the environment ({@code DISPLAY}, {@code WAYLAND_DISPLAY})
     * @param libraryFound whether the dynamic linker finds a library, by file name ({@code libGL.so.1})
     */
    static Optional<String> problem(Map<String, String> env, Predicate<String> libraryFound) {
        List<String> missing = LIBRARIES.keySet().stream().filter(libraryFound.negate()).toList();
        if (!missing.isEmpty()) {
            return Optional.of("studio: the desktop app needs the GTK 3 and X libraries JavaFX uses, and "
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing; install them: "
                    + INSTALL);
        }
        if (blank(env.get("DISPLAY"))) {
            // JavaFX's GTK glass talks X11 only: on Wayland it needs Xwayland's DISPLAY.
            return Optional.of(blank(env.get("WAYLAND_DISPLAY"))
                    ? "studio: no display (DISPLAY is not set): the desktop app needs a graphical session; " + CLI_HINT
                    : "studio: the desktop app needs X11 (Xwayland) and DISPLAY is not set; " + CLI_HINT);
        }
        return Optional.empty();
    }

    /** The one line for JavaFX's refusal to start ({@code UnsupportedOperationException}'s message). */
    static String startFailure(String reason) {
        return "studio: the desktop app cannot start: " + reason + "; "
                + (reason != null && reason.contains("GTK") ? "install the GTK 3 and X libraries: " + INSTALL : CLI_HINT);
    }

    /**
     * {@link #problem} for this process on this machine; nothing on other systems than Linux, nor
     * with headless JavaFX ({@code -Dglass.platform=Monocle}), which needs neither GTK nor a display.
     */
    static Optional<String> here() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                || "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
            return Optional.empty();
        }
        return problem(System.getenv(), systemLibraries(System.getenv()));
    }

    /**
     * Finds libraries as the dynamic linker would: in {@code LD_LIBRARY_PATH}, then in its cache
     * ({@code ldconfig -p}, entries for this JVM's architecture). Where ldconfig cannot be run the
     * answer is "found": the start then fails in JavaFX, and {@link Launcher} reports that instead.
     */
    static Predicate<String> systemLibraries(Map<String, String> env) {
        List<Path> dirs = Stream.of(env.getOrDefault("LD_LIBRARY_PATH", "").split(":"))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
        Optional<Set<String>> cached = ldconfigCache(System.getProperty("os.arch", ""));
        return name -> dirs.stream().anyMatch(dir -> Files.exists(dir.resolve(name)))
                || cached.map(names -> names.contains(name)).orElse(true);
    }

    /** Library names in the linker's cache for this architecture; empty when ldconfig cannot be run. */
    private static Optional<Set<String>> ldconfigCache(String osArch) {
        // ldconfig -p marks each entry's ABI: "libGL.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libGL.so.1".
        String abi = switch (osArch) {
            case "amd64", "x86_64" -> "x86-64";
            case "aarch64" -> "AArch64";
            default -> "";
        };
        for (String ldconfig : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig")) {
            try {
                Process process = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
                Set<String> names;
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    names = out.lines()
                            .map(String::trim)
                            .filter(line -> line.contains(" => ") && line.contains(abi))
                            .map(line -> line.substring(0, line.indexOf(' ')))
                            .collect(Collectors.toUnmodifiableSet());
                }
                if (process.waitFor() == 0) {
                    return Optional.of(names);
                }
            } catch (IOException e) {
                // not at this path: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Map<String, String> libraries() {
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("libgtk-3.so.0", "libgtk-3-0");
        libraries.put("libXtst.so.6", "libxtst6");
        libraries.put("libXxf86vm.so.1", "libxxf86vm1");
        libraries.put("libGL.so.1", "libgl1");
        return Collections.unmodifiableMap(libraries);
    }
}
