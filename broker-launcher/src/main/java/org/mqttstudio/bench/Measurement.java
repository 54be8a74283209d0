package org.mqttstudio.bench;

/**
 * One scenario's result on one broker.
 *
 * @param sent          messages published
 * @param received      distinct messages the subscriber got
 * @param lost          sent but never received
 * @param duplicates    received more than once
 * @param ratePerSecond distinct messages received per second, first publish to last receipt
 * @param p50Micros     median publish-to-receipt latency
 * @param p99Micros     99th percentile latency
 */
public record Measurement(BenchTarget target, Scenario scenario, long sent, long received, long lost,
                          long duplicates, double ratePerSecond, long p50Micros, long p99Micros) {
}
