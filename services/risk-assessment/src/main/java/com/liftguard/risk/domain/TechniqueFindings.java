package com.liftguard.risk.domain;

import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.FindingType;
import com.liftguard.events.model.LimitingFactor;
import com.liftguard.events.model.LoggedSet;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.RiskFactor;
import com.liftguard.events.model.TechniqueFault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Technique findings from logged sets and when they form a pattern (docs/rules.md section 3).
 *
 * <ul>
 *   <li>{@code GOOD_MORNING_SQUAT}: a squat set (back or front squat; the split squat is not a squat here) tagged
 *       GOOD_MORNING_SQUAT or with {@code torsoLeanChangeDeg} >= 15. The tag on a non-squat set is ignored.</li>
 *   <li>{@code BACK_LIMITED}: a squat or deadlift set (back squat, front squat, deadlift, Romanian deadlift: the
 *       exercise vocabulary's squat and deadlift families; the good morning is neither) whose
 *       {@code limitingFactor} is LOWER_BACK.</li>
 *   <li>Bracing and posture faults LOST_BRACE, LUMBAR_HYPEREXTENSION, LUMBAR_FLEXION, HIPS_TOO_HIGH_START,
 *       BAR_DRIFT: tagged on a set of any exercise.</li>
 * </ul>
 * A finding is a pattern when, within the athlete's last 3 sessions (the current one included), it shows in 2 or
 * more sets of one of them, or in 2 or more of them. The 2-sets rule is applied to each session of that window, so
 * a pattern stays visible until its session has left the window, as the load gate's 3 clean sessions require.
 * With fewer than 3 sessions known, the ones there are are the window.
 */
public final class TechniqueFindings {

    /** One finding on one set; {@code setIndex} is the set's position in its session, from 0. */
    public record Finding(FindingType type, int setIndex, Exercise exercise, Reason reason) {}

    /** The findings of one session and, per finding, in how many sets it showed. */
    public record SessionFindings(
            String sessionId, Instant performedAt, List<Finding> findings, Map<FindingType, Integer> setCounts) {
        public SessionFindings {
            findings = List.copyOf(findings);
            setCounts = Map.copyOf(setCounts);
        }

        public int setCount(FindingType type) {
            return setCounts.getOrDefault(type, 0);
        }
    }

    /**
     * A finding that is a pattern.
     *
     * @param maxSetsInOneSession the most sets it showed in within one session of the window
     * @param sessionsWithFinding in how many of the window's sessions it showed
     * @param sessionsConsidered how many sessions the window held (at most 3)
     * @param sessionIds the sessions it showed in, most recent first
     */
    public record Pattern(
            FindingType type,
            int maxSetsInOneSession,
            int sessionsWithFinding,
            int sessionsConsidered,
            List<String> sessionIds,
            Reason reason) {
        public Pattern {
            sessionIds = List.copyOf(sessionIds);
        }
    }

    private final FindingSettings settings;

    public TechniqueFindings(FindingSettings settings) {
        this.settings = settings;
    }

    /** The findings of one set, in {@link FindingType} order. */
    public List<Finding> ofSet(LoggedSet set, int setIndex) {
        List<Finding> found = new ArrayList<>();
        Exercise exercise = set.exercise();
        if (exercise.squat()) {
            boolean tagged = set.faults().contains(TechniqueFault.GOOD_MORNING_SQUAT);
            Double lean = set.metrics() == null ? null : set.metrics().torsoLeanChangeDeg();
            boolean leaning = lean != null && lean >= settings.goodMorningLeanDeg();
            if (tagged || leaning) {
                List<String> fields = new ArrayList<>(List.of("exercise"));
                String why = "";
                if (tagged) {
                    fields.add("faults");
                    why = "tagged GOOD_MORNING_SQUAT";
                }
                if (leaning) {
                    fields.add("metrics.torsoLeanChangeDeg");
                    why += (tagged ? "; " : "")
                            + String.format(
                                    Locale.ROOT,
                                    "torso lean grew by %.1f deg during the ascent (%.0f or more)",
                                    lean,
                                    settings.goodMorningLeanDeg());
                }
                found.add(finding(FindingType.GOOD_MORNING_SQUAT, setIndex, exercise, why, fields));
            }
        }
        if ((exercise.squat() || exercise.deadlift()) && set.limitingFactor() == LimitingFactor.LOWER_BACK) {
            found.add(finding(
                    FindingType.BACK_LIMITED,
                    setIndex,
                    exercise,
                    "limiting factor LOWER_BACK",
                    List.of("exercise", "limitingFactor")));
        }
        set.faults().stream()
                .map(FindingDescriptions::ofBracingFault)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .forEach(t ->
                        found.add(finding(t, setIndex, exercise, "tagged " + t.name(), FindingDescriptions.fields(t))));
        return List.copyOf(found);
    }

    /** The findings of every set of a session, with the number of sets per finding. */
    public SessionFindings ofSession(String sessionId, Instant performedAt, List<LoggedSet> sets) {
        List<Finding> findings = new ArrayList<>();
        Map<FindingType, Integer> counts = new EnumMap<>(FindingType.class);
        for (int i = 0; i < sets.size(); i++) {
            for (Finding f : ofSet(sets.get(i), i)) {
                findings.add(f);
                counts.merge(f.type(), 1, Integer::sum);
            }
        }
        return new SessionFindings(sessionId, performedAt, findings, counts);
    }

    /**
     * The patterns among the athlete's recent sessions. Pass at least the last 3 by {@code performedAt}, the
     * current one included; older ones are ignored, and the order does not matter.
     */
    public List<Pattern> patterns(Collection<SessionFindings> recentSessions) {
        List<SessionFindings> window = recentSessions.stream()
                .sorted(Comparator.comparing(SessionFindings::performedAt).reversed())
                .limit(settings.lastSessions())
                .toList();
        List<Pattern> patterns = new ArrayList<>();
        for (FindingType type : FindingType.values()) {
            int maxSets = 0;
            List<String> seenIn = new ArrayList<>();
            for (SessionFindings s : window) {
                int n = s.setCount(type);
                maxSets = Math.max(maxSets, n);
                if (n > 0) {
                    seenIn.add(s.sessionId());
                }
            }
            boolean inOneSession = maxSets >= settings.patternSetsInSession();
            boolean acrossSessions = seenIn.size() >= settings.patternSessions();
            if (inOneSession || acrossSessions) {
                String why = (inOneSession ? "in " + maxSets + " sets of one session" : "")
                        + (inOneSession && acrossSessions ? " and " : "")
                        + (acrossSessions ? "in " + seenIn.size() + " of the last " + window.size() + " sessions" : "");
                Reason reason = new Reason(
                        RiskFactor.patternOf(type).name(),
                        "Recurring " + FindingDescriptions.description(type) + ": " + why
                                + ". A pattern: go back to basics on technique before adding load.",
                        FindingDescriptions.fields(type));
                patterns.add(new Pattern(type, maxSets, seenIn.size(), window.size(), seenIn, reason));
            }
        }
        return List.copyOf(patterns);
    }

    private static Finding finding(FindingType type, int setIndex, Exercise exercise, String why, List<String> fields) {
        String message = "Set " + (setIndex + 1) + " ("
                + exercise.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): "
                + FindingDescriptions.description(type) + ", " + why
                + ".";
        return new Finding(type, setIndex, exercise, new Reason(type.name(), message, fields));
    }
}
