package org.mqttstudio.app.properties;

import org.mqttstudio.app.edit.Document;
import org.mqttstudio.topology.ExternalBroker;

/** A broker outside the topology: only where it is. */
final class ExternalBrokerForm extends ElementForm<ExternalBroker> {
    ExternalBrokerForm(Document document, String id) {
        super(document, id, t -> t.externalBroker(id), (t, e) -> t.withNode(e));
        info("id", "Id", ExternalBroker::id);
        text("name", "Name", Parsers.required("the name"), ExternalBroker::name, ExternalBroker::withName);
        text("host", "Host", Parsers.noSpaces("the host"), ExternalBroker::host, ExternalBroker::withHost);
        text("port", "Port", Parsers.port(), String::valueOf, ExternalBroker::port, ExternalBroker::withPort);
    }

    @Override
    String kind() {
        return "External broker";
    }
}
