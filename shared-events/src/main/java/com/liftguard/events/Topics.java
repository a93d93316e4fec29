package com.liftguard.events;

/**
 * Topic names. Every topic is keyed by {@link EventKeys#of(String, String)} so that one athlete's
 * events stay ordered on one partition. The version suffix changes only with an incompatible schema.
 */
public final class Topics {
    /** Raw records streamed in by platforms that run Kafka themselves (same shape as the HTTP bodies' items). */
    public static final String INGEST_SESSIONS = "liftguard.ingest.sessions.v1";

    public static final String INGEST_CHECK_INS = "liftguard.ingest.check-ins.v1";
    public static final String INGEST_ROSTER = "liftguard.ingest.roster.v1";

    public static final String SESSIONS = "liftguard.sessions.v1";
    public static final String CHECK_INS = "liftguard.check-ins.v1";
    public static final String ROSTER = "liftguard.roster.v1";
    public static final String TRIAGE = "liftguard.triage.v1";
    public static final String RISK = "liftguard.risk.v1";
    public static final String RECOVERY = "liftguard.plan.recovery.v1";
    public static final String LOAD_ADJUSTMENTS = "liftguard.plan.load.v1";
    public static final String NOTIFICATIONS = "liftguard.notifications.v1";

    private Topics() {}
}
