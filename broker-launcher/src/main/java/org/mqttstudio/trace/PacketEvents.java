package org.mqttstudio.trace;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttConnAckVariableHeader;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribePayload;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubAckPayload;
import io.netty.handler.codec.mqtt.MqttUnsubscribePayload;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Turns Netty's decoded MQTT messages into {@link PacketEvent}s. */
final class PacketEvents {
    /** The prefix of a CONNECT's will properties. */
    private static final String WILL = "will.";

    /** Where a packet was seen: everything an event needs besides the packet itself. */
    record Origin(String node, long connectionId, InetSocketAddress clientAddress, int nodePort, Transport transport,
                  String clientId, Integer protocolVersion, PacketDirection direction) {
    }

    private PacketEvents() {
    }

    static PacketEvent malformed(Origin origin, byte[] raw, String error, Instant time) {
        return new PacketEvent(time, origin.node(), origin.connectionId(), origin.clientAddress(),
                origin.nodePort(), origin.transport(), origin.clientId(), origin.direction(), PacketType.MALFORMED, null,
                0, false, false, null, null, List.of(), List.of(), List.of(), origin.protocolVersion(), raw.length, raw,
                error);
    }

    /**
     * The event for a decoded message. {@code topicAliases} is the direction's MQTT 5 topic alias map: a PUBLISH
     * that sets an alias adds to it, one that uses an alias with an empty topic gets its topic from it.
     */
    static PacketEvent decoded(Origin origin, MqttMessage message, byte[] raw, Instant time,
                               Map<Integer, String> topicAliases) {
        MqttFixedHeader fixed = message.fixedHeader();
        Object header = message.variableHeader();
        Object payload = message.payload();
        String clientId = origin.clientId();
        Integer version = origin.protocolVersion();
        String topic = null;
        byte[] body = null;
        List<Integer> codes = new ArrayList<>();
        List<TopicFilter> filters = new ArrayList<>();
        List<PacketProperty> properties = new ArrayList<>();

        if (header instanceof MqttConnectVariableHeader connect) {
            version = connect.version();
            properties.add(new PacketProperty("keep-alive", Integer.toString(connect.keepAliveTimeSeconds())));
            properties.add(new PacketProperty("clean-start", Boolean.toString(connect.isCleanSession())));
            if (MqttStreamDecoder.isBridgeConnect(raw)) {
                properties.add(new PacketProperty("bridge", "true"));
            }
            if (connect.isWillFlag()) {
                properties.add(new PacketProperty("will-qos", Integer.toString(connect.willQos())));
                properties.add(new PacketProperty("will-retain", Boolean.toString(connect.isWillRetain())));
            }
            addAll(properties, "", connect.properties());
        } else if (header instanceof MqttConnAckVariableHeader connAck) {
            codes.add(connAck.connectReturnCode().byteValue() & 0xff);
            properties.add(new PacketProperty("session-present", Boolean.toString(connAck.isSessionPresent())));
            addAll(properties, "", connAck.properties());
        } else if (header instanceof MqttPublishVariableHeader publish) {
            topic = resolveAlias(publish, topicAliases);
            addAll(properties, "", publish.properties());
        } else if (header instanceof MqttPubReplyMessageVariableHeader reply) {
            codes.add(reply.reasonCode() & 0xff);
            addAll(properties, "", reply.properties());
        } else if (header instanceof MqttMessageIdAndPropertiesVariableHeader withProperties) {
            addAll(properties, "", withProperties.properties());
        } else if (header instanceof MqttReasonCodeAndPropertiesVariableHeader reason) {
            codes.add(reason.reasonCode() & 0xff);
            addAll(properties, "", reason.properties());
        }

        if (payload instanceof MqttConnectPayload connect) {
            clientId = connect.clientIdentifier();
            if (connect.userName() != null) {
                properties.add(new PacketProperty("username", connect.userName()));
            }
            if (connect.passwordInBytes() != null) {
                properties.add(new PacketProperty("password", "set")); // that one was sent, never what it is
            }
            topic = connect.willTopic();
            body = connect.willMessageInBytes();
            addAll(properties, WILL, connect.willProperties());
        } else if (payload instanceof ByteBuf bytes) {
            body = ByteBufUtil.getBytes(bytes);
        } else if (payload instanceof MqttSubscribePayload subscribe) {
            for (MqttTopicSubscription s : subscribe.topicSubscriptions()) {
                filters.add(new TopicFilter(s.topicFilter(), s.qualityOfService().value()));
                if (version != null && version == MqttVersion.MQTT_5.protocolLevel()) {
                    properties.add(new PacketProperty("subscription-options", options(s)));
                }
            }
        } else if (payload instanceof MqttUnsubscribePayload unsubscribe) {
            unsubscribe.topics().forEach(t -> filters.add(new TopicFilter(t, null)));
        } else if (payload instanceof MqttSubAckPayload subAck) {
            codes.addAll(subAck.reasonCodes());
        } else if (payload instanceof MqttUnsubAckPayload unsubAck) {
            unsubAck.unsubscribeReasonCodes().forEach(c -> codes.add(c & 0xff));
        }

        return new PacketEvent(time, origin.node(), origin.connectionId(), origin.clientAddress(),
                origin.nodePort(), origin.transport(), clientId, origin.direction(), type(fixed.messageType()),
                packetId(header), fixed.qosLevel().value(), fixed.isDup(), fixed.isRetain(), topic, body, codes,
                filters, properties, version, raw.length, raw, null);
    }

    private static PacketType type(MqttMessageType type) {
        return switch (type) {
            case CONNECT -> PacketType.CONNECT;
            case CONNACK -> PacketType.CONNACK;
            case PUBLISH -> PacketType.PUBLISH;
            case PUBACK -> PacketType.PUBACK;
            case PUBREC -> PacketType.PUBREC;
            case PUBREL -> PacketType.PUBREL;
            case PUBCOMP -> PacketType.PUBCOMP;
            case SUBSCRIBE -> PacketType.SUBSCRIBE;
            case SUBACK -> PacketType.SUBACK;
            case UNSUBSCRIBE -> PacketType.UNSUBSCRIBE;
            case UNSUBACK -> PacketType.UNSUBACK;
            case PINGREQ -> PacketType.PINGREQ;
            case PINGRESP -> PacketType.PINGRESP;
            case DISCONNECT -> PacketType.DISCONNECT;
            case AUTH -> PacketType.AUTH;
        };
    }

    private static String resolveAlias(MqttPublishVariableHeader publish, Map<Integer, String> topicAliases) {
        MqttProperties.MqttProperty<?> alias =
                publish.properties().getProperty(MqttProperties.MqttPropertyType.TOPIC_ALIAS.value());
        if (alias == null) {
            return publish.topicName();
        }
        Integer number = (Integer) alias.value();
        if (publish.topicName().isEmpty()) {
            return topicAliases.getOrDefault(number, "");
        }
        topicAliases.put(number, publish.topicName());
        return publish.topicName();
    }

    private static Integer packetId(Object header) {
        int id = -1;
        if (header instanceof MqttMessageIdVariableHeader withId) {
            id = withId.messageId();
        } else if (header instanceof MqttPublishVariableHeader publish) {
            id = publish.packetId();
        }
        return id > 0 ? id : null;
    }

    /** An MQTT 5 SUBSCRIBE's options besides the QoS: "a/# no-local retain-as-published retain-handling=2". */
    private static String options(MqttTopicSubscription subscription) {
        MqttSubscriptionOption option = subscription.option();
        return subscription.topicFilter() + (option.isNoLocal() ? " no-local" : "")
                + (option.isRetainAsPublished() ? " retain-as-published" : "")
                + " retain-handling=" + option.retainHandling().value();
    }

    /** The specification's name of a property: Netty's, except the one Netty names differently. */
    private static String name(int propertyId) {
        MqttProperties.MqttPropertyType type = MqttProperties.MqttPropertyType.valueOf(propertyId);
        return type == MqttProperties.MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL ? "MESSAGE_EXPIRY_INTERVAL"
                : type.name();
    }

    /** Adds each property, its name after {@code prefix} (the will's properties are told apart from the CONNECT's). */
    private static void addAll(List<PacketProperty> into, String prefix, MqttProperties properties) {
        if (properties == null) {
            return;
        }
        for (MqttProperties.MqttProperty<?> property : properties.listAll()) {
            String name = prefix + name(property.propertyId());
            Object value = property.value();
            if (value instanceof List<?> pairs) {
                for (Object pair : pairs) {
                    MqttProperties.StringPair p = (MqttProperties.StringPair) pair;
                    into.add(new PacketProperty(name, p.key + "=" + p.value));
                }
            } else if (value instanceof byte[] bytes) {
                into.add(new PacketProperty(name, Base64.getEncoder().encodeToString(bytes)));
            } else {
                into.add(new PacketProperty(name, String.valueOf(value)));
            }
        }
    }
}
