package org.mqttstudio.runtime;

import java.util.concurrent.CompletableFuture;

/** One start of a broker node, embedded or a mosquitto process; a stopped one is replaced by a new one. */
interface BrokerInstance {
    /** Starts and returns once the broker listens. */
    void start() throws BrokerStartException;

    /** Stops on another thread; the same future on every call. */
    CompletableFuture<Void> stopAsync();

    static BrokerInstance of(EmbeddedBroker broker) {
        return new BrokerInstance() {
            @Override
            public void start() throws BrokerStartException {
                broker.start();
            }

            @Override
            public CompletableFuture<Void> stopAsync() {
                return broker.stopAsync();
            }
        };
    }
}
