package org.mqttstudio.explorer;

/** How a connection reaches its broker. */
public enum Transport {
    TCP, WEBSOCKET
}
