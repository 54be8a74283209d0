package org.mqttstudio.bench;

/**
 * How long a topology took to be up as {@code studio run} runs it, and what memory it holds then.
 *
 * @param topology           what ran: "challenge" or "N brokers"
 * @param runtime            "embedded" or "mosquitto"
 * @param brokers            how many brokers
 * @param upMillis           from the runner's start to every broker listening and every bridge connected (the JVM's
 *                           own start not included); -1 when it did not start
 * @param residentBytes      resident memory of all the run's processes (the Studio's JVM and any mosquittos)
 * @param heapBytes          Java heap in use after a collection
 * @param mosquittoBytes     of {@code residentBytes}, the mosquitto processes' (0 on the embedded runtime)
 */
public record Startup(String topology, String runtime, int brokers, long upMillis, long residentBytes,
                      long heapBytes, long mosquittoBytes) {
    static Startup failed(String topology, String runtime, int brokers) {
        return new Startup(topology, runtime, brokers, -1, 0, 0, 0);
    }

    public boolean started() {
        return upMillis >= 0;
    }
}
