package org.mqttstudio.explorer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.mqttstudio.runtime.BrokerSecurity;
import org.mqttstudio.runtime.BrokerStartException;
import org.mqttstudio.runtime.EmbeddedBroker;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Position;

/**
 * An embedded broker on a free loopback port for one test: user {@code student} / {@code secret} (anonymous
 * clients allowed too), and every subscription under {@code secret/} refused.
 */
final class TestBroker implements AutoCloseable {
    static final String USER = "student";
    static final String PASSWORD = "secret";

    private final EmbeddedBroker broker;

    TestBroker(Path runDir, String id) throws BrokerStartException {
        Broker node = Broker.simple(id, null, 1883, true, Position.ORIGIN);
        broker = new EmbeddedBroker(node, runDir, Map.of(node.listeners().get(0), 0), SECURITY);
        broker.start();
    }

    int port() {
        return broker.ports().values().iterator().next();
    }

    @Override
    public void close() {
        broker.stop();
    }

    private static final BrokerSecurity SECURITY = new BrokerSecurity() {
        @Override
        public boolean anonymousAllowed() {
            return true;
        }

        @Override
        public Optional<Boolean> passwordOk(String user, byte[] password) {
            return Optional.of(USER.equals(user) && password != null
                    && PASSWORD.equals(new String(password, StandardCharsets.UTF_8)));
        }

        @Override
        public boolean mayPublish(String clientId, String user, String topic) {
            return true;
        }

        @Override
        public boolean maySubscribe(String clientId, String user, String filter) {
            return !filter.startsWith("secret/");
        }

        @Override
        public boolean mayReceive(String clientId, String user, String topic) {
            return true;
        }
    };
}
