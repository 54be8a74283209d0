package org.mqttstudio.app.properties;

/** Turns a field's text into a value, or throws IllegalArgumentException with a one-line reason. */
@FunctionalInterface
interface Parser<T> {
    T parse(String text);
}
