package org.mqttstudio.explorer;

/**
 * How a publish ended: at once for QoS 0, with the PUBACK for QoS 1, the PUBREC (and PUBCOMP) for QoS 2.
 *
 * @param message in words, e.g. "PUBACK: success", "PUBREC: not authorized (0x87)", "sent (QoS 0)"
 */
public record PublishResult(boolean accepted, String message) {
}
