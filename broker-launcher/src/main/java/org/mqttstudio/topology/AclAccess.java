package org.mqttstudio.topology;

import com.fasterxml.jackson.annotation.JsonValue;

/** The access word of an ACL {@code topic}/{@code pattern} line. */
public enum AclAccess {
    READ("read"),
    WRITE("write"),
    READWRITE("readwrite"),
    DENY("deny");

    private final String word;

    AclAccess(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }

    public boolean allowsRead() {
        return this == READ || this == READWRITE;
    }

    public boolean allowsWrite() {
        return this == WRITE || this == READWRITE;
    }
}
