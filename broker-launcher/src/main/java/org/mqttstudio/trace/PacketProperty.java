package org.mqttstudio.trace;

import java.util.Objects;

/**
 * One MQTT 5 property, or a CONNECT header field, as text.
 *
 * @param name  the property's name as in the specification, upper case (e.g. {@code RECEIVE_MAXIMUM},
 *              {@code MESSAGE_EXPIRY_INTERVAL}); {@code USER_PROPERTY} for user properties, whose value is
 *              {@code key=value}; a CONNECT's will properties start with {@code will.}. Lower case names are
 *              header fields: {@code keep-alive}, {@code clean-start}, {@code username}, {@code password} (value
 *              {@code set}: the password itself is never kept), {@code will-qos}, {@code will-retain} and
 *              {@code bridge} (a bridge's CONNECT) of a CONNECT; {@code session-present} of a CONNACK; per filter
 *              of an MQTT 5 SUBSCRIBE {@code subscription-options}, e.g. {@code a/# no-local retain-as-published
 *              retain-handling=2}
 * @param value the value as text; binary values are base64
 */
public record PacketProperty(String name, String value) {
    public PacketProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
