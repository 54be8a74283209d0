package org.mqttstudio.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/** Trust and key managers from PEM files, with errors that name the file. */
final class TlsFactories {
    private static final char[] NO_PASSWORD = new char[0];

    private TlsFactories() {
    }

    /** Trusts the certificates in the PEM file; empty means the JVM's (the system's) trust store. */
    static Optional<TrustManagerFactory> trust(Optional<Path> caFile) {
        return caFile.map(file -> {
            try (InputStream in = Files.newInputStream(file)) {
                Collection<? extends Certificate> certificates =
                        CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (certificates.isEmpty()) {
                    throw new IllegalArgumentException("CA file " + file + ": no certificate in it");
                }
                KeyStore store = emptyStore();
                int i = 0;
                for (Certificate certificate : certificates) {
                    store.setCertificateEntry("ca-" + i++, certificate);
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(store);
                return factory;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("CA file " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /** The client certificate and its key (PEM; the key as unencrypted PKCS#8, RSA or EC). */
    static Optional<KeyManagerFactory> keys(TlsSettings tls) {
        if (tls.clientCert().isEmpty()) {
            return Optional.empty();
        }
        Path certFile = tls.clientCert().get();
        Path keyFile = tls.clientKey().orElseThrow();
        try (InputStream in = Files.newInputStream(certFile)) {
            Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .toArray(Certificate[]::new);
            if (chain.length == 0) {
                throw new IllegalArgumentException("client certificate " + certFile + ": no certificate in it");
            }
            KeyStore store = emptyStore();
            store.setKeyEntry("client", privateKey(keyFile), NO_PASSWORD, chain);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, NO_PASSWORD);
            return Optional.of(factory);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("client certificate " + certFile + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path keyFile) throws IOException {
        String pem = Files.readString(keyFile);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("client key " + keyFile
                    + ": expected an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY); convert it with"
                    + " openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("client key " + keyFile + ": not an RSA, EC or Ed25519 key");
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        return store;
    }
}
