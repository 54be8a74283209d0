package org.mqttstudio.app;

import java.util.Optional;
import javafx.application.Application;

/**
 * The desktop entry point. A separate class because launching an {@link Application} subclass
 * as the main class from a plain classpath fails ("JavaFX runtime components are missing").
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        try {
            StudioOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("studio: " + e.getMessage());
            System.err.println(StudioOptions.USAGE);
            System.exit(2);
        }
        Optional<String> problem = DesktopPrerequisites.here();
        if (problem.isPresent()) {
            System.err.println(problem.get());
            System.exit(1);
        }
        try {
            Application.launch(StudioApp.class, args);
        } catch (UnsupportedOperationException e) {
            // What the check above cannot see, such as a DISPLAY no X server answers on: JavaFX's
            // toolkit refuses to start with this exception, and a stack trace helps nobody.
            System.err.println(DesktopPrerequisites.startFailure(e.getMessage()));
            System.exit(1);
        }
    }
}
