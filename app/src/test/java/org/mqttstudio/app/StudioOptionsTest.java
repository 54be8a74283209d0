package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
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
}
