package org.mqttstudio.mosquitto;

/** A mosquitto file the importer cannot read; the message is one line: {@code FILE:LINE: what is wrong}. */
public final class MosquittoConfException extends Exception {
    private static final long serialVersionUID = 1L;

    public MosquittoConfException(String message) {
        super(message);
    }

    static MosquittoConfException at(Object file, int line, String what) {
        return new MosquittoConfException(file + ":" + line + ": " + what);
    }
}
