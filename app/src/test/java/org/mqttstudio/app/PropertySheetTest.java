package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.mosquitto.PasswordHash;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyJson;
import org.mqttstudio.topology.User;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PropertySheetTest {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    @TempDir
    Path config;
    private final List<String> errors = new ArrayList<>();
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.create(stage, config, new FakeChoosers(), errors, new ArrayList<>());
        stage.show();
        window.open(TestWindows.sample("challenge"));
        window.document().select(Set.of("central"));
    }

    @Test
    void anInvalidPortShowsWhyAndLeavesTheModelUnchanged(FxRobot robot) {
        Topology before = window.topology();
        TextField ports = robot.lookup("#prop-ports").queryAs(TextField.class);
        assertThat(ports.getText()).isEqualTo("1884");

        replaceText(robot, "#prop-ports", "99999");
        robot.type(KeyCode.ENTER);

        assertThat(ports.getPseudoClassStates()).contains(INVALID);
        assertThat(message(ports)).isEqualTo("99999 is out of range: a port must be a whole number from 1 to 65535");
        assertThat(window.topology()).isEqualTo(before);

        replaceText(robot, "#prop-ports", "18x4");
        assertThat(message(ports)).startsWith("'18x4' is not a number");
        robot.clickOn("#prop-name"); // focus leaves: still nothing written
        assertThat(window.topology()).isEqualTo(before);
        assertThat(window.document().canUndoProperty().get()).isFalse();
    }

    @Test
    void aValidPortIsOneUndoableEdit(FxRobot robot) {
        Topology before = window.topology();

        replaceText(robot, "#prop-ports", "1890, 1891");
        robot.type(KeyCode.ENTER);

        TextField ports = robot.lookup("#prop-ports").queryAs(TextField.class);
        assertThat(ports.getPseudoClassStates()).doesNotContain(INVALID);
        assertThat(window.topology().broker("central").orElseThrow().listeners())
                .containsExactly(Listener.mqtt(1890), Listener.mqtt(1891));
        assertThat(window.document().dirtyProperty().get()).isTrue();

        robot.interact(() -> assertThat(window.document().undo()).isTrue());
        assertThat(window.topology()).isEqualTo(before);
        assertThat(ports.getText()).isEqualTo("1884");
        assertThat(window.document().canUndoProperty().get()).isFalse();
    }

    @Test
    void typingANameIsOneStepAndEscapeRestoresTheModelValue(FxRobot robot) {
        replaceText(robot, "#prop-name", "Hub");
        robot.type(KeyCode.ENTER);
        assertThat(window.topology().broker("central").orElseThrow().name()).isEqualTo("Hub");
        robot.interact(() -> window.document().undo());
        assertThat(window.topology().broker("central").orElseThrow().name()).isEqualTo("Central");

        replaceText(robot, "#prop-name", "");
        TextField name = robot.lookup("#prop-name").queryAs(TextField.class);
        assertThat(message(name)).isEqualTo("the name must not be empty");
        robot.type(KeyCode.ESCAPE);
        assertThat(name.getText()).isEqualTo("Central");
        assertThat(name.getPseudoClassStates()).doesNotContain(INVALID);
    }

    @Test
    void editingKeysInAFieldStayInTheField(FxRobot robot) {
        Topology before = window.topology();
        robot.clickOn("#prop-name");
        robot.type(KeyCode.END).type(KeyCode.DELETE); // not Edit ▸ Delete of the selected broker
        robot.push(KeyCode.CONTROL, KeyCode.A); // not Edit ▸ Select all
        assertThat(window.topology()).isEqualTo(before);
        assertThat(window.document().selection()).containsExactly("central");
    }

    @Test
    void flippingAToggleIsOneUndoableEdit(FxRobot robot) {
        assertThat(window.topology().broker("central").orElseThrow().allowAnonymous()).isTrue();
        robot.clickOn(robot.lookup("#prop-anonymous .thumb-area").queryAs(javafx.scene.Node.class));
        assertThat(window.topology().broker("central").orElseThrow().allowAnonymous()).isFalse();
        robot.interact(() -> window.document().undo());
        assertThat(window.topology().broker("central").orElseThrow().allowAnonymous()).isTrue();
        assertThat(robot.lookup("#prop-anonymous").queryAs(org.controlsfx.control.ToggleSwitch.class).isSelected())
                .isTrue();
        assertThat(window.document().canUndoProperty().get()).isFalse();
    }

    @Test
    void thePasswordDialogStoresOnlyAHash(FxRobot robot) {
        robot.clickOn("#prop-users-add");
        robot.clickOn("#password-user").write("alice");
        robot.clickOn("#password-1").write("s3cret-pw");
        robot.clickOn("#password-2").write("s3cret-pw");
        robot.clickOn(TestWindows.dialogButton(robot, "password-dialog", "Add"));

        Broker central = window.topology().broker("central").orElseThrow();
        User alice = central.user("alice").orElseThrow();
        assertThat(alice.passwordHash()).startsWith("$7$").doesNotContain("s3cret-pw");
        assertThat(PasswordHash.verify("s3cret-pw", alice.passwordHash())).isTrue();
        assertThat(PasswordHash.verify("wrong", alice.passwordHash())).isFalse();
        assertThat(new TopologyJson().write(window.topology())).doesNotContain("s3cret-pw");

        // Set a new password for the same user: still only a hash, of the new password.
        robot.clickOn("#prop-users-0-password");
        robot.clickOn("#password-1").write("other-pw");
        robot.clickOn("#password-2").write("other-pw");
        robot.clickOn(TestWindows.dialogButton(robot, "password-dialog", "Set"));
        String hash = window.topology().broker("central").orElseThrow().user("alice").orElseThrow().passwordHash();
        assertThat(PasswordHash.verify("other-pw", hash)).isTrue();
        assertThat(new TopologyJson().write(window.topology())).doesNotContain("other-pw");
    }

    @Test
    void thePasswordDialogRefusesDifferentPasswords(FxRobot robot) {
        robot.clickOn("#prop-users-add");
        robot.clickOn("#password-user").write("bob");
        robot.clickOn("#password-1").write("one");
        robot.clickOn("#password-2").write("two");
        assertThat(robot.lookup("#password-problem").queryAs(Label.class).getText())
                .isEqualTo("The two passwords differ.");
        assertThat(TestWindows.dialogButton(robot, "password-dialog", "Add").isDisabled()).isTrue();
        robot.clickOn(TestWindows.dialogButton(robot, "password-dialog", "Cancel"));
        assertThat(window.topology().broker("central").orElseThrow().users()).isEmpty();
    }

    @Test
    void aPublisherShowsAPreviewOfItsTemplateAndRefusesABadOne(FxRobot robot) {
        robot.interact(() -> window.document().select(Set.of("publisher1")));
        Label preview = robot.lookup("#prop-payload-preview").queryAs(Label.class);
        Topology before = window.topology();

        replaceText(robot, "#prop-payload", "t={rand:1:1} n={seq}");
        assertThat(preview.getText()).isEqualTo("t=1 n=1");
        replaceText(robot, "#prop-payload", "t={rand:1}");
        robot.type(KeyCode.ENTER);
        TextField payload = robot.lookup("#prop-payload").queryAs(TextField.class);
        assertThat(message(payload)).startsWith("invalid template: unknown placeholder {rand:1}");
        assertThat(preview.getText()).isEqualTo("—");
        assertThat(window.topology()).isEqualTo(before);

        replaceText(robot, "#prop-topic", "srv/+/x");
        robot.type(KeyCode.ENTER);
        assertThat(message(robot.lookup("#prop-topic").queryAs(TextField.class)))
                .contains("must not contain the wildcards");
        assertThat(window.topology()).isEqualTo(before);
    }

    @Test
    void aBridgeRuleIsEditedInItsTable(FxRobot robot) {
        robot.interact(() -> window.document().select(Set.of("bridge1_central")));
        replaceText(robot, "#prop-rules-0-pattern", "srv/#/x");
        robot.type(KeyCode.ENTER);
        assertThat(window.topology().bridge("bridge1_central").orElseThrow().rules().get(0).pattern())
                .isEqualTo("srv/#");
        replaceText(robot, "#prop-rules-0-pattern", "srv/humidity");
        robot.type(KeyCode.ENTER);
        assertThat(window.topology().bridge("bridge1_central").orElseThrow().rules().get(0).pattern())
                .isEqualTo("srv/humidity");
        robot.clickOn("#prop-rules-add");
        assertThat(window.topology().bridge("bridge1_central").orElseThrow().rules()).hasSize(2);
        robot.clickOn("#prop-rules-1-remove");
        assertThat(window.topology().bridge("bridge1_central").orElseThrow().rules()).hasSize(1);
    }

    @Test
    void theBridgesRemotePasswordIsMaskedAndSavedAsOneUndoableEdit(FxRobot robot) {
        robot.interact(() -> window.document().select(Set.of("bridge1_central")));
        TextField password = robot.lookup("#prop-remote-password").queryAs(TextField.class);
        assertThat(password).isInstanceOf(PasswordField.class);
        Topology before = window.topology();
        assertThat(before.bridge("bridge1_central").orElseThrow().remotePassword()).isNull();

        robot.interact(() -> robot.lookup("#properties .properties-scroll").queryAs(ScrollPane.class).setVvalue(1));
        robot.clickOn(password).write("br1dge-pw");
        assertThat(shownTexts(password)).contains("\u25cf".repeat(9)).noneMatch(t -> t.contains("br1dge-pw"));
        assertThat(window.topology()).isEqualTo(before); // typing alone writes nothing
        robot.type(KeyCode.ENTER);

        assertThat(window.topology().bridge("bridge1_central").orElseThrow().remotePassword()).isEqualTo("br1dge-pw");
        assertThat(new TopologyJson().write(window.topology())).contains("br1dge-pw"); // mosquitto needs it in clear
        robot.interact(() -> assertThat(window.document().undo()).isTrue());
        assertThat(window.topology()).isEqualTo(before);
        assertThat(password.getText()).isEmpty();
        assertThat(window.document().canUndoProperty().get()).isFalse();
    }

    /** The strings the control's skin draws, which is what is on screen. */
    private static List<String> shownTexts(Parent control) {
        List<String> texts = new ArrayList<>();
        for (Node child : control.getChildrenUnmodifiable()) {
            if (child instanceof Text text) {
                texts.add(text.getText());
            } else if (child instanceof Parent parent) {
                texts.addAll(shownTexts(parent));
            }
        }
        return texts;
    }

    @Test
    void snapshotsTheWindowWithABrokerSelected(FxRobot robot) throws Exception {
        robot.interact(() -> window.canvas().fit());
        snapshot(robot, "properties.png");
        assertThat(robot.lookup("#properties .properties-header").queryLabeled().getText())
                .isEqualTo("Broker · Central");
        robot.interact(() -> window.document().select(Set.of("bridge1_central")));
        snapshot(robot, "properties-bridge.png");
        robot.interact(() -> window.document().select(Set.of("publisher1")));
        snapshot(robot, "properties-publisher.png");
    }

    private void assertDrawn(Path png) {
        try {
            Screenshots.assertDrawn(png, window.canvas());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void snapshot(FxRobot robot, String name) {
        Path png = Path.of("target", "screenshots", name);
        robot.interact(() -> {
            try {
                Snapshots.save(window.scene(), png);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertDrawn(png);
    }

    private static String message(TextField field) {
        return field.getTooltip() == null ? null : field.getTooltip().getText();
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        if (text.isEmpty()) {
            robot.type(KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
    }
}
