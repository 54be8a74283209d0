package org.mqttstudio.trace;

/** The MQTT control packet types (AUTH is MQTT 5 only), plus MALFORMED for bytes that did not decode. */
public enum PacketType {
    CONNECT,
    CONNACK,
    PUBLISH,
    PUBACK,
    PUBREC,
    PUBREL,
    PUBCOMP,
    SUBSCRIBE,
    SUBACK,
    UNSUBSCRIBE,
    UNSUBACK,
    PINGREQ,
    PINGRESP,
    DISCONNECT,
    AUTH,
    MALFORMED
}
