package org.mqttstudio.runtime;

/** One application message crossing a bridge, in whichever MQTT version each side speaks. */
record BridgeMessage(String topic, byte[] payload, int qos, boolean retain) {
}
