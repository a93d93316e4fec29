package com.liftguard.notifications.domain;

import com.liftguard.events.LoadAdjusted;
import com.liftguard.events.RecoveryScheduled;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.PainReport;
import com.liftguard.events.model.PlanItem;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.RiskFactor;
import com.liftguard.events.model.RiskLevel;
import com.liftguard.events.model.Severity;
import com.liftguard.events.model.TriageCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns what risk-assessment and program-planning decided into what a coach reads: how urgent it is,
 * what happened, why (the reasons exactly as the deciding service gave them), and what to do next
 * (docs/rules.md sections 2 and 6). It only words decisions taken upstream; it never re-triages.
 */
public final class NotificationComposer {
    private final CoachingGuidance guidance;

    public NotificationComposer(CoachingGuidance guidance) {
        this.guidance = Objects.requireNonNull(guidance, "guidance");
    }

    public Notification compose(TriageDecided decision) {
        require(decision.athleteId(), "athleteId");
        TriageCategory category = require(decision.category(), "category");
        String body = describe(decision) + " Triage: " + category.name() + ", " + meaning(category) + "."
                + why(decision.reasons());
        return new Notification(
                decision.athleteId(),
                severity(category),
                headline(category),
                body,
                decision.reasons(),
                actions(category),
                decision.decidedAt(),
                "triage:" + category);
    }

    public Notification compose(RecoveryScheduled recovery) {
        require(recovery.athleteId(), "athleteId");
        RecoveryScheduled.Action action = require(recovery.action(), "action");
        List<Reason> reasons = recovery.reason() == null ? List.of() : List.of(recovery.reason());
        return new Notification(
                recovery.athleteId(),
                severity(action),
                headline(recovery),
                body(recovery),
                reasons,
                actions(recovery),
                recovery.scheduledAt(),
                "recovery:" + action);
    }

    /**
     * A risk assessment is news to a coach only when it is above LOW: HIGH and CRITICAL are HIGH severity,
     * MODERATE is INFO. Repeats of the same leading factor are collapsed on the feed.
     */
    public Optional<Notification> compose(RiskAssessed risk) {
        require(risk.athleteId(), "athleteId");
        RiskLevel level = require(risk.level(), "level");
        if (level == RiskLevel.LOW || risk.factors().isEmpty()) {
            return Optional.empty();
        }
        List<Reason> reasons = risk.factors().stream()
                .map(f -> new Reason(
                        f.code().name(),
                        f.message() + figures(f.figures()),
                        List.copyOf(f.figures().keySet())))
                .toList();
        String factors =
                risk.factors().stream().map(f -> words(f.code().name())).collect(Collectors.joining(", "));
        String body = "Risk is " + level + (risk.asOf() == null ? "" : " as of " + risk.asOf()) + "." + why(reasons);
        Severity severity = level == RiskLevel.HIGH || level == RiskLevel.CRITICAL ? Severity.HIGH : Severity.INFO;
        return Optional.of(new Notification(
                risk.athleteId(),
                severity,
                "risk " + level + ": " + factors,
                body,
                reasons,
                actions(risk),
                risk.assessedAt(),
                "risk:" + level));
    }

    /** A change to the athlete's prescription: what to program now, and why. */
    public Notification compose(LoadAdjusted adjusted) {
        require(adjusted.athleteId(), "athleteId");
        List<Reason> reasons = adjusted.reason() == null ? List.of() : List.of(adjusted.reason());
        StringBuilder body = new StringBuilder("Program-planning adjusted the plan.");
        if (adjusted.spinalVolumeChangePct() != null && adjusted.spinalVolumeChangePct() != 0) {
            body.append(" Spinal volume-load ")
                    .append(number(adjusted.spinalVolumeChangePct()))
                    .append("%.");
        }
        List<String> actions = new ArrayList<>();
        for (LoadAdjusted.Prescription p : adjusted.prescriptions()) {
            StringBuilder line = new StringBuilder(words(p.exercise().name()));
            if (p.sets() != null) {
                line.append(' ').append(p.sets()).append(" sets");
            }
            if (p.reps() != null) {
                line.append(" of ").append(p.reps());
            }
            if (p.tempo() != null) {
                line.append(" at ").append(p.tempo());
            }
            if (p.loadKg() != null) {
                line.append(", ").append(number(p.loadKg())).append(" kg");
            }
            if (p.percentOfE1rm() != null) {
                line.append(" (").append(number(p.percentOfE1rm())).append("% of e1RM)");
            }
            line.append(p.mayIncreaseLoad() ? "; load may increase" : "; no load increase");
            actions.add(line.append('.').toString());
        }
        body.append(why(reasons));
        String headline = "plan adjusted"
                + (adjusted.reason() == null
                        ? ""
                        : ": " + words(adjusted.reason().code()));
        return new Notification(
                adjusted.athleteId(),
                Severity.INFO,
                headline,
                body.toString(),
                reasons,
                actions,
                adjusted.adjustedAt(),
                "plan");
    }

    private List<String> actions(RiskAssessed risk) {
        List<String> actions = new ArrayList<>();
        for (RiskAssessed.Factor f : risk.factors()) {
            RiskFactor factor = f.code();
            switch (factor.kind()) {
                case LOAD, RECOVERY ->
                    actions.add("Leave at least " + guidance.heavySpacingHours()
                            + " h between heavy spinal sessions and cut this week's spinal volume-load by "
                            + guidance.spinalVolumeCutPercent() + "%.");
                case SLEEP -> actions.add(sleepFirst());
                case PATTERN -> actions.addAll(returnToBasics());
                case TRIAGE -> {
                    if (factor.triage() == TriageCategory.MODIFY_TRAINING) {
                        actions.addAll(returnToBasics());
                    } else {
                        actions.add("Follow the triage: no spinal loading until a clinician has seen the athlete.");
                    }
                }
            }
        }
        return actions.stream().distinct().toList();
    }

    private static String figures(Map<String, Double> figures) {
        if (figures.isEmpty()) {
            return "";
        }
        return " ("
                + figures.entrySet().stream()
                        .map(e -> e.getKey() + " " + number(e.getValue()))
                        .collect(Collectors.joining(", "))
                + ")";
    }

    static Severity severity(TriageCategory category) {
        return switch (category) {
            case EMERGENCY -> Severity.URGENT;
            case SEE_CLINICIAN -> Severity.HIGH;
            case MODIFY_TRAINING, NORMAL_SORENESS -> Severity.INFO;
        };
    }

    static Severity severity(RecoveryScheduled.Action action) {
        return switch (action) {
            case PAUSE_ALL_TRAINING, PAUSE_SPINAL_LOADING -> Severity.HIGH;
            case SPACE_HEAVY_SESSIONS, DELOAD_WEEK, CLEARED -> Severity.INFO;
        };
    }

    private static String headline(TriageCategory category) {
        return switch (category) {
            case EMERGENCY -> "red flag, stop training and seek medical care today";
            case SEE_CLINICIAN -> "see a clinician, no spinal loading until then";
            case MODIFY_TRAINING -> "modify training, lighter and on technique";
            case NORMAL_SORENESS -> "normal soreness, no change to training";
        };
    }

    /** What the category means for the athlete, in the words of docs/rules.md section 2. */
    private static String meaning(TriageCategory category) {
        return switch (category) {
            case EMERGENCY -> "stop training, seek medical care today";
            case SEE_CLINICIAN -> "no spinal loading until a clinician has seen it";
            case MODIFY_TRAINING -> "train, but lighter and on technique";
            case NORMAL_SORENESS -> "normal; recover, sleep, keep moving";
        };
    }

    private List<String> actions(TriageCategory category) {
        return switch (category) {
            case EMERGENCY ->
                List.of(
                        "Stop the athlete's training now; nothing resumes until a coach clears them.",
                        "Contact the athlete: they should seek medical care today, not wait for it to settle.",
                        "Clear the athlete to train again only after a clinician has assessed them.");
            case SEE_CLINICIAN ->
                List.of(
                        "No spinal loading (squats, deadlifts, good mornings) until a clinician has seen the athlete.",
                        "Keep pain-free upper-body and core work.",
                        "Clear the athlete for spinal loading once a clinician has seen them.");
            case MODIFY_TRAINING -> returnToBasics();
            case NORMAL_SORENESS ->
                List.of(
                        "No change to the program.",
                        "Recovery: sleep first (at least " + number(guidance.sleepHours())
                                + " h a night), keep moving.",
                        "Soreness after training peaks within a few days; if it is not improving after "
                                + guidance.sorenessWindowHours() + " h, or is still there after "
                                + guidance.sorenessMaxHours() + " h, the athlete should report it again: "
                                + "it then needs a clinician.");
        };
    }

    private List<String> returnToBasics() {
        return List.of(
                "Return to basics: squats " + guidance.squatSets() + " sets of " + guidance.squatReps()
                        + " reps at a " + guidance.squatTempo() + " tempo; deadlifts " + guidance.deadliftReps()
                        + " reps a set at " + guidance.deadliftPercentOfE1rm()
                        + "% of e1RM with a full reset each rep.",
                gate(),
                "Add Romanian deadlifts, 45-degree back extensions and hip thrusts.",
                "Core stability (curl-up, side bridge, bird-dog) and ankle and hip mobility.",
                "Film sets from the side to check technique.");
    }

    private String gate() {
        return "No load increase until " + guidance.gateSessions()
                + " consecutive spinal sessions with no pain above normal soreness, no technique fault and every "
                + "working set at RPE " + number(guidance.gateMaxRpe()) + " or lower; then add "
                + guidance.loadIncreasePercent() + "%.";
    }

    private static String headline(RecoveryScheduled recovery) {
        return switch (recovery.action()) {
            case PAUSE_ALL_TRAINING ->
                recovery.untilCleared() ? "all training paused until a coach clears them" : "all training paused";
            case PAUSE_SPINAL_LOADING ->
                recovery.untilCleared() ? "spinal loading paused until a coach clears them" : "spinal loading paused";
            case SPACE_HEAVY_SESSIONS ->
                recovery.earliestNextHeavySpinal() == null
                        ? "heavy spinal sessions spaced out for recovery"
                        : "next heavy spinal session not before " + instant(recovery.earliestNextHeavySpinal());
            case DELOAD_WEEK -> "deload week scheduled";
            case CLEARED -> "cleared to train again";
        };
    }

    private static String body(RecoveryScheduled recovery) {
        StringBuilder body = new StringBuilder(
                switch (recovery.action()) {
                    case PAUSE_ALL_TRAINING -> "Program-planning paused all of the athlete's training";
                    case PAUSE_SPINAL_LOADING -> "Program-planning paused the athlete's spinal loading";
                    case SPACE_HEAVY_SESSIONS -> "Program-planning spaced out the athlete's heavy spinal sessions";
                    case DELOAD_WEEK -> "Program-planning scheduled a deload week for the athlete";
                    case CLEARED -> "A coach cleared the athlete to train again";
                });
        if (recovery.untilCleared() && recovery.action() != RecoveryScheduled.Action.CLEARED) {
            body.append(" until a coach clears them");
        }
        body.append('.');
        if (!recovery.restrictions().isEmpty()) {
            // the plan items' codes, as the coach has always read them
            body.append(" Restrictions in force: ")
                    .append(recovery.restrictions().stream().map(PlanItem::name).collect(Collectors.joining(", ")))
                    .append('.');
        }
        if (recovery.earliestNextHeavySpinal() != null) {
            body.append(" Next heavy spinal session not before ")
                    .append(instant(recovery.earliestNextHeavySpinal()))
                    .append('.');
        }
        if (recovery.reason() != null) {
            body.append(why(List.of(recovery.reason())));
        }
        return body.toString();
    }

    private List<String> actions(RecoveryScheduled recovery) {
        List<String> actions = new ArrayList<>();
        switch (recovery.action()) {
            case PAUSE_ALL_TRAINING -> {
                actions.add("No training of any kind until a coach clears the athlete.");
                actions.add("Clear the athlete only once a clinician has seen them.");
            }
            case PAUSE_SPINAL_LOADING -> {
                actions.add("No squats, deadlifts or good mornings until the athlete is cleared.");
                actions.add("Keep pain-free upper-body and core work.");
                if (recovery.untilCleared()) {
                    actions.add("Clear the athlete for spinal loading once a clinician has seen them.");
                }
            }
            case SPACE_HEAVY_SESSIONS -> {
                actions.add(
                        recovery.earliestNextHeavySpinal() == null
                                ? "Leave at least " + guidance.heavySpacingHours() + " h between heavy spinal sessions."
                                : "Schedule the next heavy spinal session no earlier than "
                                        + instant(recovery.earliestNextHeavySpinal()) + ".");
                actions.add("Cut this week's spinal volume-load by " + guidance.spinalVolumeCutPercent() + "%.");
                actions.add(sleepFirst());
            }
            case DELOAD_WEEK -> {
                actions.add("Program a deload week: cut spinal volume-load by at least "
                        + guidance.spinalVolumeCutPercent() + "% and keep every working set submaximal.");
                if (recovery.earliestNextHeavySpinal() != null) {
                    actions.add("Schedule the next heavy spinal session no earlier than "
                            + instant(recovery.earliestNextHeavySpinal()) + ".");
                }
                actions.add(sleepFirst());
            }
            case CLEARED -> {
                actions.add("Training may resume. " + gate());
                actions.add("Watch the next sessions for pain reports and technique faults.");
            }
        }
        return actions;
    }

    private String sleepFirst() {
        return "Sleep first: at least " + number(guidance.sleepHours())
                + " h a night; no load increase while sleep is short.";
    }

    private static String describe(TriageDecided decision) {
        String source = decision.sourceKind() == TriageDecided.SourceKind.CHECK_IN ? "check-in" : "session";
        String where = decision.sourceId() == null ? "" : " in " + source + " " + decision.sourceId();
        PainReport report = decision.report();
        if (report == null) {
            return "A pain report" + where + " was triaged.";
        }
        List<String> traits = new ArrayList<>();
        if (report.side() != null) {
            traits.add(
                    switch (report.side()) {
                        case LEFT -> "left side";
                        case RIGHT -> "right side";
                        case CENTRAL -> "central";
                        case BILATERAL -> "both sides";
                    });
        }
        if (report.quality() != null) {
            traits.add(words(report.quality().name()));
        }
        traits.add(report.intensity() + "/10");
        StringBuilder sb = new StringBuilder();
        sb.append(capitalize(
                        report.region() == null ? "pain" : words(report.region().name()) + " pain"))
                .append(" (")
                .append(String.join(", ", traits))
                .append(')');
        if (report.onset() != null) {
            sb.append(", ")
                    .append(
                            switch (report.onset()) {
                                case DURING_SET -> "began during a set";
                                case WITHIN_HOURS -> "began within hours of training";
                                case NEXT_DAY -> "began the day after training";
                            });
        }
        sb.append(", ").append(report.hoursSinceOnset()).append(" h ago");
        if (report.trend() != null) {
            sb.append(", ").append(words(report.trend().name()));
        }
        return sb.append("; reported").append(where).append('.').toString();
    }

    private static String why(List<Reason> reasons) {
        List<String> messages = reasons.stream()
                .map(Reason::message)
                .filter(Objects::nonNull)
                .map(m -> m.strip().replaceAll("[.]+$", ""))
                .filter(m -> !m.isEmpty())
                .toList();
        return messages.isEmpty() ? "" : " Why: " + String.join("; ", messages) + ".";
    }

    private static String words(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }
}
