package org.mqttstudio.app;

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
        Application.launch(StudioApp.class, args);
    }
}
