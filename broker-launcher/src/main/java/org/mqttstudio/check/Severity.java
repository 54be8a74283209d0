package org.mqttstudio.check;

/**
 * How bad a finding is. ERROR: mosquitto refuses to start, or messages circulate or clients kick
 * each other off for ever. WARNING: it runs but surprises. INFO: a useful fact.
 */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
