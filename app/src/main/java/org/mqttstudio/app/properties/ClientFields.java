package org.mqttstudio.app.properties;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.MqttVersion;

/** The connection fields publishers and subscribers share: client id and MQTT version. */
final class ClientFields {
    private ClientFields() {
    }

    static <E extends Record> void add(ElementForm<E> form, Function<E, ClientSettings> read,
            BiFunction<E, ClientSettings, E> write) {
        form.text("clientid", "Client id", Parsers.noSpaces("a client id"), e -> read.apply(e).clientId(),
                (e, id) -> write.apply(e, read.apply(e).withClientId(id)));
        form.choice("mqtt-version", "MQTT version", List.of(MqttVersion.values()), MqttVersion::word,
                e -> read.apply(e).mqttVersion(),
                (e, v) -> write.apply(e, read.apply(e).withMqttVersion(v)));
    }
}
