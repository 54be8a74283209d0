package org.mqttstudio.trace;

/** How a connection carries MQTT to the broker: bare on TCP, or inside WebSocket frames after an HTTP upgrade. */
public enum Transport {
    TCP,
    WEBSOCKET
}
