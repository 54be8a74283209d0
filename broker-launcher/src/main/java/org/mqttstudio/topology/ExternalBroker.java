package org.mqttstudio.topology;

/** A broker outside the topology (not run, not exported) that bridges and clients may reach. */
public record ExternalBroker(String id, String name, String host, int port, Position position) implements Node {
    public ExternalBroker {
        Ids.check(id);
        name = name == null || name.isBlank() ? id : name;
        Checks.required(host, "host");
        Checks.port(port, "port");
        position = position == null ? Position.ORIGIN : position;
    }

    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public ExternalBroker withPosition(Position newPosition) {
        return new ExternalBroker(id, name, host, port, newPosition);
    }

    public ExternalBroker withName(String newName) {
        return new ExternalBroker(id, newName, host, port, position);
    }

    public ExternalBroker withHost(String newHost) {
        return new ExternalBroker(id, name, newHost, port, position);
    }

    public ExternalBroker withPort(int newPort) {
        return new ExternalBroker(id, name, host, newPort, position);
    }
}
