package org.mqttstudio.mosquitto;

import java.util.Set;

/**
 * The configuration keys mosquitto 2.0 knows, so that the importer can tell a key the Studio
 * merely does not model (kept verbatim) from one mosquitto itself would refuse.
 */
final class MosquittoKeys {
    private static final Set<String> GLOBAL = Set.of(
            "acl_file", "allow_anonymous", "allow_duplicate_messages", "allow_zero_length_clientid",
            "auth_plugin", "auth_plugin_deny_special_chars", "auto_id_prefix", "autosave_interval",
            "autosave_on_changes", "bind_address", "bind_interface", "cafile", "capath", "certfile",
            "check_retain_source", "ciphers", "ciphers_tls1.3", "clientid_prefixes", "connection_messages",
            "crlfile", "dhparamfile", "http_dir", "include_dir", "keyfile", "listener", "log_dest",
            "log_facility", "log_timestamp", "log_timestamp_format", "log_type", "max_connections",
            "max_inflight_bytes", "max_inflight_messages", "max_keepalive", "max_packet_size", "max_qos",
            "max_queued_bytes", "max_queued_messages", "memory_limit", "message_size_limit", "mount_point",
            "password_file", "per_listener_settings", "persistence", "persistence_file", "persistence_location",
            "persistent_client_expiration", "pid_file", "plugin", "port", "protocol", "psk_file", "psk_hint",
            "queue_qos0_messages", "require_certificate", "retain_available", "set_tcp_nodelay", "socket_domain",
            "sys_interval", "tls_engine", "tls_engine_kpass_sha1", "tls_keyform", "tls_version",
            "upgrade_outgoing_qos", "use_identity_as_username", "use_subject_as_username",
            "use_username_as_clientid", "user", "websockets_headers_size", "websockets_log_level",
            "connection");

    private static final Set<String> BRIDGE = Set.of(
            "address", "addresses", "bridge_alpn", "bridge_attempt_unsubscribe", "bridge_bind_address",
            "bridge_cafile", "bridge_capath", "bridge_certfile", "bridge_identity", "bridge_insecure",
            "bridge_keyfile", "bridge_max_packet_size", "bridge_outgoing_retain", "bridge_protocol_version",
            "bridge_psk", "bridge_require_ocsp", "bridge_tls_version", "cleansession", "clientid", "idle_timeout",
            "keepalive_interval", "local_cleansession", "local_clientid", "local_password", "local_username",
            "notification_topic", "notifications", "notifications_local_only", "password", "remote_clientid",
            "remote_password", "remote_username", "restart_timeout", "round_robin", "start_type", "threshold",
            "topic", "try_private", "username");

    private MosquittoKeys() {
    }

    static boolean isBridgeKey(String key) {
        return BRIDGE.contains(key);
    }

    static boolean isGlobalKey(String key) {
        return GLOBAL.contains(key) || key.startsWith("auth_opt_") || key.startsWith("plugin_opt_");
    }
}
