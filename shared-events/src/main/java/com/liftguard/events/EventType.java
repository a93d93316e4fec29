package com.liftguard.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event of the system: its CloudEvents type, the topic it travels on, its payload class and the
 * JSON Schema (classpath resource) of its whole envelope.
 */
public enum EventType {
    SESSION_INGESTED("com.liftguard.session.ingested.v1", Topics.SESSIONS, SessionIngested.class),
    CHECK_IN_INGESTED("com.liftguard.check-in.ingested.v1", Topics.CHECK_INS, CheckInIngested.class),
    ROSTER_CHANGED("com.liftguard.roster.changed.v1", Topics.ROSTER, RosterChanged.class),
    TRIAGE_DECIDED("com.liftguard.triage.decided.v1", Topics.TRIAGE, TriageDecided.class),
    RISK_ASSESSED("com.liftguard.risk.assessed.v1", Topics.RISK, RiskAssessed.class),
    RECOVERY_SCHEDULED("com.liftguard.recovery.scheduled.v1", Topics.RECOVERY, RecoveryScheduled.class),
    LOAD_ADJUSTED("com.liftguard.load.adjusted.v1", Topics.LOAD_ADJUSTMENTS, LoadAdjusted.class),
    NOTIFICATION_CREATED("com.liftguard.notification.created.v1", Topics.NOTIFICATIONS, NotificationCreated.class);

    private final String ceType;
    private final String topic;
    private final Class<? extends EventData> dataClass;

    EventType(String ceType, String topic, Class<? extends EventData> dataClass) {
        this.ceType = ceType;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /** Classpath location of the JSON Schema of this event's envelope. */
    public String schemaResource() {
        return "/schemas/" + ceType + ".schema.json";
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(Class<? extends EventData> dataClass) {
        return Arrays.stream(values())
                .filter(t -> t.dataClass == dataClass)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + dataClass.getName()));
    }
}
