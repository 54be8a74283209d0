package org.mqttstudio.app.run;

/** Where the window's run is. */
public enum RunPhase {
    IDLE, STARTING, RUNNING, STOPPING
}
