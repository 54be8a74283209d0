package org.mqttstudio.trace;

import java.util.Objects;

/**
 * One MQTT 5 property, or a CONNECT header field, as text.
 *
 * @param name  the Netty property type name (e.g. {@code RECEIVE_MAXIMUM}); {@code USER_PROPERTY} for user
 *              properties, whose value is {@code key=value}; {@code keep-alive}, {@code clean-start},
 *              {@code username} and {@code bridge} (a bridge's CONNECT) for the CONNECT header
 * @param value the value as text; binary values are base64
 */
public record PacketProperty(String name, String value) {
    public PacketProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
