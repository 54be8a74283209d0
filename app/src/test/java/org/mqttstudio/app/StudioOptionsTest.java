package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.mqttstudio.runtime.RunOptions;
import org.junit.jupiter.api.Test;

class StudioOptionsTest {
    @Test
    void readsFileAndScreenshotInAnyOrder() {
        StudioOptions options = StudioOptions.parse("samples/challenge.json", "--screenshot", "out.png");

        assertThat(options.topology()).contains(Path.of("samples/challenge.json"));
        assertThat(options.screenshot()).contains(Path.of("out.png"));
        assertThat(StudioOptions.parse("--screenshot", "a.png", "t.json").topology()).contains(Path.of("t.json"));
    }

    @Test
    void noArgumentsOpenNothing() {
        assertThat(StudioOptions.parse()).isEqualTo(new StudioOptions(Optional.empty(), Optional.empty()));
    }

    @Test
    void rejectsBadCommandLinesWithOneLine() {
        assertThatThrownBy(() -> StudioOptions.parse("--screenshot")).hasMessage(
                "--screenshot needs the PNG file to write");
        assertThatThrownBy(() -> StudioOptions.parse("--zoom")).hasMessage("unknown option '--zoom'");
        assertThatThrownBy(() -> StudioOptions.parse("a.json", "b.json"))
                .hasMessageContaining("only one topology file");
    }

    @Test
    void runsAtStartWithARuntimeAndAPortOffset() {
        StudioOptions options = StudioOptions.parse("c.json", "--run", "--runtime", "mosquitto", "--port-offset", "1000");

        assertThat(options.run()).contains(new StudioOptions.RunAtStart(RunOptions.Runtime.MOSQUITTO,
                OptionalInt.of(1000)));
        assertThat(StudioOptions.parse("c.json", "--run").run()).contains(new StudioOptions.RunAtStart(
                RunOptions.Runtime.EMBEDDED, OptionalInt.empty()));
        assertThat(StudioOptions.parse("c.json").run()).isEmpty();
    }

    @Test
    void rejectsBadRunOptionsWithOneLine() {
        assertThatThrownBy(() -> StudioOptions.parse("--run")).hasMessage("--run needs the topology file to run");
        assertThatThrownBy(() -> StudioOptions.parse("c.json", "--runtime", "embedded"))
                .hasMessage("--runtime and --port-offset go with --run");
        assertThatThrownBy(() -> StudioOptions.parse("c.json", "--run", "--runtime", "moquette"))
                .hasMessage("--runtime is embedded or mosquitto, not 'moquette'");
        assertThatThrownBy(() -> StudioOptions.parse("c.json", "--run", "--port-offset", "x"))
                .hasMessage("--port-offset needs a number, not 'x'");
        assertThatThrownBy(() -> StudioOptions.parse("c.json", "--run", "--port-offset", "70000"))
                .hasMessage("--port-offset must be 0..60000, not 70000");
    }
}
