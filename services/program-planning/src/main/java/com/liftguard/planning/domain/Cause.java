package com.liftguard.planning.domain;

import com.liftguard.events.Event;
import java.util.Objects;

/**
 * What caused a change to the plan: a consumed event, or a coach's clearance (which has no event of its own, so it
 * gets an id and a type of planning's).
 */
public record Cause(String eventId, String eventType) {
    public static final String CLEARANCE_TYPE = "com.liftguard.clearance.v1";

    public Cause {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
    }

    public static Cause of(Event<?> event) {
        return new Cause(event.id(), event.type());
    }

    public static Cause clearance(String clearanceId) {
        return new Cause(clearanceId, CLEARANCE_TYPE);
    }
}
