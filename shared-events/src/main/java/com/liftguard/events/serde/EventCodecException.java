package com.liftguard.events.serde;

/** A record that is not a valid event of the expected type; consumers send it to their dead-letter topic. */
public class EventCodecException extends RuntimeException {
    public EventCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
