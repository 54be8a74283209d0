package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * The one stylesheet parses without an error: JavaFX skips everything after a parse error with a log line only, so
 * a lost brace silently unstyles every later rule (it did, after a merge: the sequence diagram's colours went).
 */
class StylesheetTest {
    @Test
    void theStylesheetParsesCleanlyAndKeepsItsLastRules() throws Exception {
        Path css = StudioFolders.locate().asset(StudioWindow.STYLESHEET).orElseThrow();
        CssParser.errorsProperty().clear();
        Stylesheet sheet = new CssParser().parse(css.toUri().toURL());
        assertThat(CssParser.errorsProperty()).extracting(CssParser.ParseError::toString).isEmpty();
        assertThat(sheet.getRules()).hasSizeGreaterThan(100);
    }
}
