package org.mqttstudio.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What makes an embedded broker take a connection for the local side of a bridge it runs: in
 * mosquitto that side is inside the broker, so the embedded runtime's bridge proves it with a
 * secret made for one run, known only to the runner, its bridges and its brokers' security
 * extensions. The bridge sends it in its CONNECT as the user property {@link #PROPERTY}, straight to
 * the broker's internal port (never through a tap, so never in a trace). A client id or a port says
 * nothing: an outside client that uses the bridge's client id on the internal port is an ordinary
 * client (and refused where anonymous clients are). An open broker (no users, no ACL) does not look at
 * the secret: it admits everyone and checks nothing, so trust would change nothing there.
 *
 * <p>What trust means, as measured on mosquitto 2.0.11 ({@code BridgeLocalAccessTest}): the local
 * side of a bridge logs in to nothing ({@code allow_anonymous false} and a password file do not stop
 * it), {@code local_username}/{@code local_password} are not checked (an unknown user with a wrong
 * password bridges too) and the local ACL never applies to it, for {@code out} and {@code in} rules
 * alike (an ACL granting its {@code local_username}, or anonymous clients, only {@code topic read
 * nothing} lets every message cross). The ACL that does apply is the remote broker's, to the bridge's
 * {@code remote_username}, and each local subscriber's own read access.
 */
public final class LocalBridgeSecret {
    /** The CONNECT user property that carries the secret. */
    static final String PROPERTY = "mqtt-studio-local-bridge";
    private static final int BYTES = 32;

    private final String value;

    private LocalBridgeSecret(String value) {
        this.value = value;
    }

    /** A new secret from a strong random source: 256 bits, nothing an outside client could guess. */
    public static LocalBridgeSecret random() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return new LocalBridgeSecret(HexFormat.of().formatHex(bytes));
    }

    String value() {
        return value;
    }

    /** Whether {@code offered} is this secret (compared in constant time). */
    boolean matches(String offered) {
        return offered != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                offered.getBytes(StandardCharsets.UTF_8));
    }

    /** Never the value: a secret must not end up in a log line. */
    @Override
    public String toString() {
        return "LocalBridgeSecret[hidden]";
    }
}
