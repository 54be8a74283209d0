/**
 * Seeing every packet: a {@link org.mqttstudio.trace.WireTap} fronts each broker listener, forwards the bytes
 * untouched and decodes a copy of both directions into {@link org.mqttstudio.trace.PacketEvent}s; a
 * {@link org.mqttstudio.trace.Recorder} keeps and fans them out without blocking the network threads;
 * {@link org.mqttstudio.trace.JsonlWriter} and {@link org.mqttstudio.trace.PcapWriter} export them. The tap also
 * injects faults: cut and restore links, add latency.
 */
package org.mqttstudio.trace;
