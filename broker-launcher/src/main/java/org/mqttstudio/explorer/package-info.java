/**
 * The topic explorer's model, without JavaFX: a connection to any broker ({@link ExplorerConnection}, on
 * hivemq-mqtt-client: MQTT 3.1.1 and 5, TCP or WebSocket, TLS), the topic tree and the bounded history it fills
 * ({@link ExplorerSession}), payload views, value extraction for charts, exports and saved profiles. The app's
 * explorer views read it once per frame; tests drive it without a screen.
 */
package org.mqttstudio.explorer;
