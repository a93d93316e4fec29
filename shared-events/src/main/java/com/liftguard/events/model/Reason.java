package com.liftguard.events.model;

import java.util.List;

/** Why a rule fired: a stable code, a sentence a coach can read, and the input fields it read. */
public record Reason(String code, String message, List<String> fields) {
    public Reason {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
