/**
 * mosquitto files: export of a topology as a runnable bundle ({@link org.mqttstudio.mosquitto.BundleWriter},
 * {@link org.mqttstudio.mosquitto.MosquittoConfWriter}) and import of mosquitto.conf files
 * ({@link org.mqttstudio.mosquitto.MosquittoConfReader}).
 *
 * <p>Round trip: the exporter's first comment line names the broker and the comment above a
 * bridge to an external broker names that node; the importer reads both back, so export, import
 * and export again give the same bytes. Canvas positions, the topology name and simulated
 * clients are not in mosquitto files: an import lays nodes out by bridge depth and has no clients.
 *
 * <p>Scope of keys: bridge options always belong to the latest {@code connection}; every other
 * key is global wherever it stands, as in mosquitto, and an unmodelled one is kept verbatim in
 * the broker's {@code extraOptions} (written after the listeners, so a per-listener option such as
 * {@code cafile} ends up on the last listener).
 */
package org.mqttstudio.mosquitto;
