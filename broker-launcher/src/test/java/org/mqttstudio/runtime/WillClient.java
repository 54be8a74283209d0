package org.mqttstudio.runtime;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An MQTT 3.1.1 client that connects with a last will and then drops its connection without
 * DISCONNECT, so that the broker sends the will (the hivemq client has no way to die abruptly).
 */
final class WillClient {
    private WillClient() {
    }

    /** Connects, waits for the CONNACK (returned: its return code) and closes the socket. */
    static int connectAndDrop(int port, String user, String password, String willTopic, String willPayload)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 4});
        body.write(0x80 | 0x40 | 0x04 | 0x02); // user name, password, will (QoS 0, not retained), clean session
        body.writeBytes(new byte[] {0, 60}); // keep alive
        for (String field : new String[] {"will-" + System.nanoTime(), willTopic, willPayload, user, password}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            body.writeBytes(new byte[] {(byte) (bytes.length >> 8), (byte) bytes.length});
            body.writeBytes(bytes);
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(0x10); // CONNECT
            socket.getOutputStream().write(body.size()); // remaining length: < 128 here
            body.writeTo(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] connack = new byte[4];
            in.readFully(connack);
            return connack[3];
        }
    }
}
