package org.mqttstudio.topology;

/**
 * A broker account. Only the mosquitto 2 password hash is kept ({@code $7$...} or the older
 * {@code $6$...}), never the plain password.
 */
public record User(String name, String passwordHash) {
    public User {
        Checks.required(name, "name");
        if (name.contains(":")) {
            throw new IllegalArgumentException("user name '" + name + "' must not contain ':'");
        }
        Checks.required(passwordHash, "passwordHash");
        if (!passwordHash.startsWith("$7$") && !passwordHash.startsWith("$6$")) {
            throw new IllegalArgumentException("passwordHash of user '" + name
                    + "' must be a mosquitto hash starting with $7$ or $6$ (store hashes, not passwords)");
        }
    }

    public User withName(String newName) {
        return new User(newName, passwordHash);
    }
}
