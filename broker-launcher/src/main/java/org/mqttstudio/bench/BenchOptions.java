package org.mqttstudio.bench;

/**
 * How much load the bench makes.
 *
 * @param messages           messages per scenario and broker
 * @param warmup             warm-up messages per broker, spread over the scenarios, before measuring (the load
 *                           generator's JIT needs ~200 000 here, the embedded broker's JVM more)
 * @param payloadBytes       payload size; at least 16 (publisher, sequence number, send time)
 * @param window             how many messages the publishers together may be ahead of the subscriber: below both
 *                           brokers' default queue of 1000 messages per client (HiveMQ's max-queue-size, mosquitto's
 *                           max_queued_messages), which count a message until its PUBACK/PUBCOMP
 * @param rounds             how often every scenario runs on every broker; the median round is reported
 * @param pinning            which cores brokers and load get
 */
public record BenchOptions(int messages, int warmup, int payloadBytes, int window, int rounds,
                           Pinning pinning) {
    public static final int DEFAULT_WINDOW = 500;

    public BenchOptions {
        if (messages < Scenario.ALL.stream().mapToInt(Scenario::publishers).max().orElse(1)) {
            throw new IllegalArgumentException("--messages must be at least 10: " + messages);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must not be negative: " + warmup);
        }
        if (payloadBytes < Receipts.HEADER_BYTES) {
            throw new IllegalArgumentException("--payload must be at least " + Receipts.HEADER_BYTES + " bytes: "
                    + payloadBytes);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1: " + rounds);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + window);
        }
    }
}
