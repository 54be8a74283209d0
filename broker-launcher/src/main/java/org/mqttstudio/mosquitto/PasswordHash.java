package org.mqttstudio.mosquitto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes in the form mosquitto's {@code password_file} holds after the user name and
 * {@code :}. mosquitto 2 writes {@code $7$<iterations>$<salt>$<hash>}: PBKDF2-HMAC-SHA512 over the
 * UTF-8 password, 64-byte result; mosquitto 1.x wrote {@code $6$<salt>$<hash>}: one SHA-512 over
 * the password followed by the salt. Salt and hash are standard base64 with padding.
 */
public final class PasswordHash {
    /** What {@code mosquitto_passwd} 2.0 uses by default. */
    public static final int ITERATIONS = 101;
    private static final int SALT_BYTES = 12;
    private static final int HASH_BYTES = 64;
    private static final String PBKDF2 = "$7$";
    private static final String SHA512 = "$6$";

    private PasswordHash() {
    }

    /** A {@code $7$} hash with a fresh random salt and mosquitto 2's default iteration count. */
    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return hash(password, salt, ITERATIONS);
    }

    /** A {@code $7$} hash with the given salt and iteration count: the same input gives the same text. */
    public static String hash(String password, byte[] salt, int iterations) {
        Objects.requireNonNull(password, "password");
        if (salt == null || salt.length == 0) {
            throw new IllegalArgumentException("salt must not be empty");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, not " + iterations);
        }
        Base64.Encoder base64 = Base64.getEncoder();
        return PBKDF2 + iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(pbkdf2(password, salt, iterations));
    }

    /**
     * Whether {@code password} matches a {@code $7$} or {@code $6$} hash. A hash that cannot be read
     * matches no password, as mosquitto refuses every login against it.
     */
    public static boolean verify(String password, String hash) {
        Objects.requireNonNull(password, "password");
        if (hash == null) {
            return false;
        }
        try {
            if (hash.startsWith(PBKDF2)) {
                String[] parts = hash.substring(PBKDF2.length()).split("\\$", -1);
                if (parts.length != 3) {
                    return false;
                }
                int iterations = Integer.parseInt(parts[0]);
                byte[] salt = decode(parts[1]);
                return iterations >= 1 && salt.length > 0
                        && MessageDigest.isEqual(pbkdf2(password, salt, iterations), decode(parts[2]));
            }
            if (hash.startsWith(SHA512)) {
                String[] parts = hash.substring(SHA512.length()).split("\\$", -1);
                return parts.length == 2
                        && MessageDigest.isEqual(sha512(password, decode(parts[0])), decode(parts[1]));
            }
            return false;
        } catch (IllegalArgumentException e) { // bad number or bad base64
            return false;
        }
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        // The JDK's PBKDF2 encodes the chars as UTF-8, as mosquitto_passwd hashes the bytes it is given.
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime lacks PBKDF2WithHmacSHA512", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] sha512(String password, byte[] salt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return digest.digest(salt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-512", e);
        }
    }
}
