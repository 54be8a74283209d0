package org.mqttstudio.trace;

/** Which way a packet crossed the tap. */
public enum PacketDirection {
    CLIENT_TO_BROKER,
    BROKER_TO_CLIENT
}
