package org.mqttstudio.explorer;

import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** Why a connection failed or dropped, in words a user acts on; never a stack trace. */
final class ConnectionErrors {
    private ConnectionErrors() {
    }

    static String describe(Throwable failure, ConnectionProfile profile) {
        Throwable cause = unwrap(failure);
        if (cause instanceof Mqtt5ConnAckException refused) {
            Mqtt5ConnAck ack = refused.getMqttMessage();
            return "refused by the broker: " + ReasonWords.of(ack.getReasonCode(), ack.getReasonCode().getCode())
                    + ack.getReasonString().map(r -> " — " + r).orElse("");
        }
        if (cause instanceof Mqtt3ConnAckException refused) {
            var code = refused.getMqttMessage().getReturnCode();
            return "refused by the broker: " + ReasonWords.of(code, code.getCode());
        }
        for (Throwable at = cause; at != null; at = at.getCause()) {
            if (at instanceof SSLException tls) {
                return "TLS handshake failed: " + message(tls);
            }
            if (at instanceof ConnectException || at instanceof NoRouteToHostException) {
                String text = message(at);
                return text.toLowerCase().contains("timed out") ? "timed out connecting to " + where(profile)
                        : "refused: nothing accepts connections on " + where(profile);
            }
            if (at instanceof UnknownHostException) {
                return "unknown host: " + profile.host();
            }
            if (at.getClass().getSimpleName().contains("Timeout")) {
                return "timed out connecting to " + where(profile);
            }
        }
        for (Throwable at = cause; at != null; at = at.getCause()) {
            if (at instanceof ConnectionClosedException || at instanceof ClosedChannelException) {
                return "the broker closed the connection during the handshake" + (profile.tls().isPresent()
                        ? " (is this port TLS?)" : " (does this port want TLS or WebSocket?)");
            }
        }
        return message(cause);
    }

    private static String where(ConnectionProfile profile) {
        return profile.host() + ":" + profile.port();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable at = failure;
        while ((at instanceof CompletionException || at instanceof ExecutionException) && at.getCause() != null) {
            at = at.getCause();
        }
        return at;
    }

    private static String message(Throwable t) {
        Throwable at = t;
        while (at.getMessage() == null && at.getCause() != null) {
            at = at.getCause();
        }
        return at.getMessage() == null ? at.getClass().getSimpleName() : at.getMessage();
    }
}
