package org.mqttstudio.explorer;

import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS for a connection.
 *
 * @param caFile     the CA certificate(s) to trust (PEM); empty for the system trust store
 * @param clientCert the client certificate (PEM), with {@code clientKey}; empty for none
 * @param clientKey  the client's private key (PEM, PKCS#8 unencrypted)
 * @param insecure   skip the host name check (the certificate chain is still checked): shown as a warning
 */
public record TlsSettings(Optional<Path> caFile, Optional<Path> clientCert, Optional<Path> clientKey,
        boolean insecure) {
    public TlsSettings {
        caFile = caFile == null ? Optional.empty() : caFile;
        clientCert = clientCert == null ? Optional.empty() : clientCert;
        clientKey = clientKey == null ? Optional.empty() : clientKey;
        if (clientCert.isPresent() != clientKey.isPresent()) {
            throw new IllegalArgumentException("a client certificate needs its key, and a key its certificate");
        }
    }

    /** The system trust store, host names checked. */
    public static TlsSettings systemTrust() {
        return new TlsSettings(Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public TlsSettings withCaFile(Path file) {
        return new TlsSettings(Optional.ofNullable(file), clientCert, clientKey, insecure);
    }

    public TlsSettings withClientCertificate(Path cert, Path key) {
        return new TlsSettings(caFile, Optional.ofNullable(cert), Optional.ofNullable(key), insecure);
    }

    public TlsSettings withInsecure(boolean skipHostnameCheck) {
        return new TlsSettings(caFile, clientCert, clientKey, skipHostnameCheck);
    }
}
