package org.mqttstudio.topology;

/**
 * One line of a mosquitto ACL file.
 *
 * <ul>
 *   <li>{@code pattern == false}, {@code user == null}: a {@code topic} line before any
 *       {@code user} line, which mosquitto applies to anonymous clients;</li>
 *   <li>{@code pattern == false}, {@code user != null}: a {@code topic} line under {@code user};</li>
 *   <li>{@code pattern == true}: a {@code pattern} line (with {@code %c} / {@code %u}), applied to
 *       every client; it has no user.</li>
 * </ul>
 */
public record AclRule(String user, boolean pattern, AclAccess access, String topic) {
    public AclRule {
        user = Checks.blankToNull(user);
        access = access == null ? AclAccess.READWRITE : access;
        Checks.required(topic, "topic");
        if (pattern && user != null) {
            throw new IllegalArgumentException("ACL pattern '" + topic + "' applies to all users and cannot name user '" + user + "'");
        }
    }

    public AclRule withUser(String newUser) {
        return new AclRule(newUser, pattern, access, topic);
    }

    public AclRule withPattern(boolean newPattern) {
        return new AclRule(user, newPattern, access, topic);
    }

    public AclRule withAccess(AclAccess newAccess) {
        return new AclRule(user, pattern, newAccess, topic);
    }

    public AclRule withTopic(String newTopic) {
        return new AclRule(user, pattern, access, newTopic);
    }
}
