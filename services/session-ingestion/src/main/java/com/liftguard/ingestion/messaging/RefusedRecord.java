package com.liftguard.ingestion.messaging;

import com.liftguard.ingestion.domain.Violation;
import java.util.List;

/**
 * Why a record of an ingest topic was refused: its class and message are the dead letter's
 * {@code dead-letter-exception-class-name} and {@code dead-letter-reason}, its violations (an invalid item)
 * the {@code dead-letter-errors}. Nothing throws it, so it carries no stack trace.
 */
final class RefusedRecord extends Exception {
    private final transient List<Violation> violations;

    RefusedRecord(String reason, List<Violation> violations) {
        this(reason, violations, null);
    }

    RefusedRecord(String reason, Throwable cause) {
        this(reason, List.of(), cause);
    }

    private RefusedRecord(String reason, List<Violation> violations, Throwable cause) {
        super(reason, cause, false, false);
        this.violations = List.copyOf(violations);
    }

    List<Violation> violations() {
        return violations;
    }
}
