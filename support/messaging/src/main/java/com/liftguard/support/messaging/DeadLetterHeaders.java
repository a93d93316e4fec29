package com.liftguard.support.messaging;

/**
 * The headers every Liftguard consumer writes on a record it sends to its dead-letter topic: the names
 * SmallRye's own dead-letter strategy writes, so a record reads the same whichever of the two put it there,
 * and {@link #ERRORS} for a refused ingest item's field-by-field problems.
 */
public final class DeadLetterHeaders {
    /** Why the record could not be used, in words. */
    public static final String REASON = "dead-letter-reason";
    /** The message of the failure's cause, when it has one. */
    public static final String CAUSE = "dead-letter-cause";
    /** The class of the exception that refused the record. */
    public static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    /** The topic, partition and offset the record was read from. */
    public static final String TOPIC = "dead-letter-topic";

    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** A JSON array of {@code { "pointer", "message" }}: each field of the item that broke a rule, and why. */
    public static final String ERRORS = "dead-letter-errors";

    private DeadLetterHeaders() {}
}
