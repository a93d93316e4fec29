package com.liftguard.events;

import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.LimitingFactor;
import com.liftguard.events.model.LoggedSet;
import com.liftguard.events.model.PainOnset;
import com.liftguard.events.model.PainQuality;
import com.liftguard.events.model.PainRegion;
import com.liftguard.events.model.PainReport;
import com.liftguard.events.model.PainSide;
import com.liftguard.events.model.PainTrend;
import com.liftguard.events.model.PlanItem;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.RiskFactor;
import com.liftguard.events.model.RiskLevel;
import com.liftguard.events.model.SetMetrics;
import com.liftguard.events.model.Severity;
import com.liftguard.events.model.TechniqueFault;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.model.Variant;
import com.liftguard.events.model.Wellness;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One fully populated and one minimal event per {@link EventType}. A new type without samples fails every
 * test that iterates {@code EventType.values()} (the {@code default} branches), which is the point: it must
 * not ship without them.
 */
public final class EventSamples {
    public static final String TENANT = "acme";
    public static final Instant TIME = Instant.parse("2026-11-24T17:30:00Z");
    /** Just after midnight in a +02:00 zone, still the 24th in UTC: daily load counts the date in the offset. */
    public static final OffsetDateTime PERFORMED_AT = OffsetDateTime.parse("2026-11-25T00:30:00+02:00");

    public static final OffsetDateTime REPORTED_AT = OffsetDateTime.parse("2026-11-25T07:15:30.250-05:30");

    private EventSamples() {}

    /** Every optional value set, collections holding fully populated and minimal elements alike. */
    public static Event<? extends EventData> full(EventType type) {
        EventData data = switch (type) {
            case SESSION_INGESTED ->
                new SessionIngested(
                        "sess-2026-11-24-01",
                        "athlete:17",
                        PERFORMED_AT,
                        75,
                        7.5,
                        List.of(fullSet(), rirSet(), minimalSet()),
                        new Wellness(6.5, 3, 4),
                        List.of(redFlagReport(), sorenessReport()),
                        TIME);
            case CHECK_IN_INGESTED ->
                new CheckInIngested(
                        "chk-88",
                        "athlete:17",
                        REPORTED_AT,
                        new Wellness(8.0, 5, 1),
                        List.of(sorenessReport(), redFlagReport()),
                        TIME);
            case ROSTER_CHANGED -> new RosterChanged("athlete:17", "Ann Lifter", List.of("coach-1", "coach-2"), TIME);
            case TRIAGE_DECIDED ->
                new TriageDecided(
                        EventIds.derive("decision", "sess-2026-11-24-01", "0"),
                        "athlete:17",
                        TriageDecided.SourceKind.SESSION,
                        "sess-2026-11-24-01",
                        9,
                        redFlagReport(),
                        TriageCategory.EMERGENCY,
                        List.of(
                                saddleReason(),
                                new Reason("INTENSITY_HIGH", "Pain of 10/10 is severe.", List.of("intensity"))),
                        TIME);
            case RISK_ASSESSED ->
                new RiskAssessed(
                        "athlete:17",
                        RiskLevel.HIGH,
                        List.of(
                                new RiskAssessed.Factor(
                                        RiskFactor.ACWR_SPIKE,
                                        "Acute load is 1.6 times the chronic load.",
                                        Map.of("acuteLoad", 812.5, "chronicLoad", 507.8, "acwr", 1.6)),
                                new RiskAssessed.Factor(
                                        RiskFactor.SHORT_SLEEP,
                                        "Mean sleep of the last 3 reports is 5.8 h.",
                                        Map.of())),
                        "sess-2026-11-24-01",
                        TIME,
                        LocalDate.parse("2026-11-24"),
                        Map.of(Exercise.BACK_SQUAT, 123.3, Exercise.DEADLIFT, 165.0),
                        Instant.parse("2026-11-23T18:00:00Z"),
                        new RiskAssessed.Load(487.5, 812.5, 507.8, 1.6, 2900.0));
            case RECOVERY_SCHEDULED ->
                new RecoveryScheduled(
                        "athlete:17",
                        RecoveryScheduled.Action.SPACE_HEAVY_SESSIONS,
                        List.of(PlanItem.HEAVY_SPINAL, PlanItem.BACK_SQUAT),
                        true,
                        Instant.parse("2026-11-27T17:30:00Z"),
                        new Reason(
                                "HEAVY_SESSIONS_TOO_CLOSE",
                                "Two heavy spinal sessions 30 h apart.",
                                List.of("performedAt", "rpe")),
                        "cause-event-1",
                        TIME);
            case LOAD_ADJUSTED ->
                new LoadAdjusted(
                        "athlete:17",
                        List.of(
                                new LoadAdjusted.Prescription(
                                        Exercise.BACK_SQUAT, "3-4", "6-8", "3-1-1", 100.0, 72.5, false),
                                new LoadAdjusted.Prescription(Exercise.DEADLIFT, "3", "4-6", null, null, null, true)),
                        -25.0,
                        new Reason("TECHNIQUE_PATTERN", "Good-morning squat in 2 sets.", List.of("faults")),
                        "cause-event-2",
                        TIME);
            case NOTIFICATION_CREATED ->
                new NotificationCreated(
                        "notif-1",
                        "coach-1",
                        "athlete:17",
                        Severity.URGENT,
                        "athlete:17: red flag, stop training and seek medical care today",
                        "Saddle numbness reported after the session of 24 November.",
                        List.of(saddleReason()),
                        List.of("Call the athlete today", "Pause all training"),
                        "triage-event-1",
                        TIME);
            default -> throw new AssertionError("no full sample for " + type + ": add one to EventSamples");
        };
        return Event.of(EventIds.derive("sample", "full", type.name()), "/liftguard-test", TENANT, data, TIME);
    }

    /** Only what the schema requires; optional envelope attributes null, optional payload values absent. */
    public static Event<? extends EventData> minimal(EventType type) {
        Reason reason = new Reason("COACH_CLEARED", "Cleared by the coach.", null);
        EventData data = switch (type) {
            case SESSION_INGESTED -> new SessionIngested("s", "a", PERFORMED_AT, 1, 0.0, null, null, null, TIME);
            case CHECK_IN_INGESTED -> new CheckInIngested("c", "a", REPORTED_AT, null, null, TIME);
            case ROSTER_CHANGED -> new RosterChanged("a", "A", null, TIME);
            case TRIAGE_DECIDED ->
                new TriageDecided(
                        "d",
                        "a",
                        TriageDecided.SourceKind.CHECK_IN,
                        "c",
                        0,
                        sorenessReport(),
                        TriageCategory.NORMAL_SORENESS,
                        null,
                        TIME);
            case RISK_ASSESSED -> new RiskAssessed("a", RiskLevel.LOW, null, null, TIME);
            case RECOVERY_SCHEDULED ->
                new RecoveryScheduled("a", RecoveryScheduled.Action.CLEARED, null, false, null, reason, null, TIME);
            case LOAD_ADJUSTED -> new LoadAdjusted("a", null, null, reason, null, TIME);
            case NOTIFICATION_CREATED ->
                new NotificationCreated("n", "c", "a", Severity.INFO, "t", "b", null, null, "e", TIME);
            default -> throw new AssertionError("no minimal sample for " + type + ": add one to EventSamples");
        };
        return new Event<>(
                Event.SPEC_VERSION,
                "m-" + type.name(),
                type.ceType(),
                "/liftguard-test",
                null,
                null,
                null,
                TENANT,
                null,
                data);
    }

    static LoggedSet fullSet() {
        return new LoggedSet(
                Exercise.BACK_SQUAT,
                Variant.LOW_BAR,
                5,
                140.0,
                8.5,
                null,
                "3-1-1",
                true,
                LimitingFactor.LOWER_BACK,
                List.of(TechniqueFault.GOOD_MORNING_SQUAT, TechniqueFault.LOST_BRACE),
                new SetMetrics(16.5, 0.42));
    }

    static LoggedSet rirSet() {
        return new LoggedSet(
                Exercise.DEADLIFT,
                Variant.SUMO,
                3,
                182.5,
                null,
                2,
                "2-0-X-1",
                false,
                LimitingFactor.GRIP,
                List.of(TechniqueFault.BAR_DRIFT),
                new SetMetrics(null, 0.35));
    }

    static LoggedSet minimalSet() {
        return new LoggedSet(Exercise.OTHER, null, 1, 0.0, null, null, null, null, null, null, null);
    }

    static PainReport redFlagReport() {
        return new PainReport(
                PainRegion.LOWER_BACK,
                PainSide.LEFT,
                PainQuality.SHOOTING,
                10,
                PainOnset.DURING_SET,
                2000,
                PainTrend.WORSENING,
                true,
                true,
                true,
                true,
                true,
                true,
                true,
                true,
                true);
    }

    static PainReport sorenessReport() {
        return new PainReport(
                PainRegion.LOWER_BACK,
                PainSide.CENTRAL,
                PainQuality.DULL,
                0,
                PainOnset.NEXT_DAY,
                0,
                PainTrend.IMPROVING,
                false,
                false,
                false,
                false,
                false,
                false,
                false,
                false,
                false);
    }

    static Reason saddleReason() {
        return new Reason(
                "SADDLE_NUMBNESS",
                "Numbness in the saddle area can mean cauda equina syndrome.",
                List.of("saddleNumbness"));
    }
}
