package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopPrerequisitesTest {
    private static final Map<String, String> DISPLAY = Map.of("DISPLAY", ":0");
    private static final Predicate<String> ALL_FOUND = name -> true;

    @Test
    void missingGtkIsOneLineWithTheInstallCommand() {
        assertThat(DesktopPrerequisites.problem(DISPLAY, name -> !name.equals("libgtk-3.so.0"))).contains(
                "studio: the desktop app needs the GTK 3 and X libraries JavaFX uses, and libgtk-3.so.0 is missing;"
                        + " install them: sudo apt-get install libgtk-3-0 libxtst6 libxxf86vm1 libgl1");
        assertThat(DesktopPrerequisites.problem(DISPLAY, name -> name.startsWith("libgtk")).orElseThrow())
                .contains("libXtst.so.6, libXxf86vm.so.1, libGL.so.1 are missing");
    }

    @Test
    void noDisplayPointsToTheCommandLine() {
        assertThat(DesktopPrerequisites.problem(Map.of(), ALL_FOUND)).contains("studio: no display (DISPLAY is not"
                + " set): the desktop app needs a graphical session; the command line needs no display: studio --help");
        assertThat(DesktopPrerequisites.problem(Map.of("WAYLAND_DISPLAY", "wayland-0"), ALL_FOUND).orElseThrow())
                .startsWith("studio: the desktop app needs X11 (Xwayland) and DISPLAY is not set;");
        assertThat(DesktopPrerequisites.problem(DISPLAY, ALL_FOUND)).isEmpty();
    }

    @Test
    void headlessJavaFxNeedsNoDisplay() {
        // Surefire runs this JVM with glass.platform=Monocle (app/pom.xml), and without DISPLAY in CI.
        assertThat(System.getProperty("glass.platform")).isEqualTo("Monocle");
        assertThat(DesktopPrerequisites.here()).isEmpty();
    }

    @Test
    void findsLibrariesAsTheLinkerDoes(@TempDir Path dir) throws IOException {
        Files.createFile(dir.resolve("libonly-here.so.1"));
        Predicate<String> found = DesktopPrerequisites.systemLibraries(Map.of("LD_LIBRARY_PATH", "/nowhere:" + dir));

        // This machine has the set-up line's packages (installer/debian-packages.txt), so the cache has these.
        assertThat(DesktopPrerequisites.LIBRARIES.keySet()).allMatch(found);
        assertThat(found).accepts("libonly-here.so.1").rejects("libnot-installed-anywhere.so.7");
    }

    @Test
    void thePackagesNamedAreInTheSetUpList() throws IOException {
        Path list = Path.of(System.getProperty("studio.repo", ".."), "installer", "debian-packages.txt");
        List<String> packages = Files.readAllLines(list).stream().filter(line -> !line.startsWith("#")).toList();

        assertThat(packages).containsAll(DesktopPrerequisites.LIBRARIES.values());
    }

    @Test
    void theLauncherSaysWhatIsMissingInOneLineAndFails() throws Exception {
        Result noDisplay = launch(Map.of());
        assertThat(noDisplay.exitCode).isEqualTo(1);
        assertThat(noDisplay.stderr).containsExactly("studio: no display (DISPLAY is not set): the desktop app needs a"
                + " graphical session; the command line needs no display: studio --help");

        // A display no X server answers on passes the check; JavaFX's refusal becomes one line too.
        Result deadDisplay = launch(Map.of("DISPLAY", ":7779"));
        assertThat(deadDisplay.exitCode).isEqualTo(1);
        assertThat(deadDisplay.stderr).filteredOn(line -> line.startsWith("studio:")).containsExactly(
                "studio: the desktop app cannot start: Unable to open DISPLAY; the command line needs no display:"
                        + " studio --help");
        assertThat(deadDisplay.stderr).noneMatch(line -> line.contains("\tat "));
    }

    private record Result(int exitCode, List<String> stderr) {
    }

    /** The real Launcher in its own JVM (no Monocle there: JavaFX looks for GTK and a display). */
    private static Result launch(Map<String, String> display) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().putAll(display);
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("launcher exits").isTrue();
        // JavaFX's own warning about running from the class path is not ours to judge here.
        List<String> lines = stderr.lines().filter(line -> !line.contains("Unsupported JavaFX configuration")
                && !line.contains("PlatformImpl startup")).toList();
        return new Result(process.exitValue(), lines);
    }
}
