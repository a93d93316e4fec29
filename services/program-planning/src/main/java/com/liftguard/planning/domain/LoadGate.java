package com.liftguard.planning.domain;

import com.liftguard.events.model.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The gate to add load again (docs/rules.md section 6): the required number of consecutive spinal sessions, counted
 * back from the most recent by {@code performedAt}, with no pain report above normal soreness, no technique fault
 * tagged and every working set at RPE 8 or less.
 *
 * <p>A session with no RPE logged is not clean by default ({@link PlanSettings.Gate#requireLoggedRpe()}): the gate
 * asks for evidence that effort stayed at or below RPE 8, and an unlogged set is no such evidence. The athlete
 * opens the gate by logging RPE or RIR. Sessions may come in any order; a session id given twice counts once.
 */
public final class LoadGate {
    private static final List<String> FIELDS = List.of("pain.triage", "sets.faults", "sets.rpe", "sets.rir");

    private final PlanSettings.Gate settings;

    public LoadGate(PlanSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings").gate();
    }

    /** The gate status after the given sessions; null or empty means no session yet. */
    public GateStatus evaluate(Collection<SpinalSessionSummary> sessions) {
        List<SpinalSessionSummary> newestFirst = newestFirst(sessions);
        int required = settings.sessions();
        if (newestFirst.isEmpty()) {
            return GateStatus.noSessions(required);
        }
        int clean = 0;
        List<String> breaker = List.of();
        for (SpinalSessionSummary session : newestFirst) {
            breaker = whyNotClean(session);
            if (!breaker.isEmpty()) {
                break;
            }
            clean++;
        }
        if (clean >= required) {
            return new GateStatus(clean, required, true, met(clean));
        }
        Reason reason = clean < newestFirst.size() ? brokenRun(clean, newestFirst.get(clean), breaker) : tooFew(clean);
        return new GateStatus(clean, required, false, reason);
    }

    /** What keeps the session from being clean; empty when it is clean. */
    public List<String> whyNotClean(SpinalSessionSummary session) {
        List<String> why = new ArrayList<>();
        if (session.worstPain() != null && session.worstPain().moreSevereThan(settings.maxPain())) {
            why.add("pain triaged " + session.worstPain());
        }
        if (session.anyFault()) {
            why.add("a technique fault tagged");
        }
        Double rpe = session.maxWorkingSetRpe();
        if (rpe == null) {
            if (settings.requireLoggedRpe()) {
                why.add("working sets without a logged RPE or RIR");
            }
        } else if (rpe > settings.maxRpe()) {
            why.add(String.format(
                    Locale.ROOT, "a working set at RPE %s (above %s)", number(rpe), number(settings.maxRpe())));
        }
        return why;
    }

    private static List<SpinalSessionSummary> newestFirst(Collection<SpinalSessionSummary> sessions) {
        if (sessions == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        return sessions.stream()
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(SpinalSessionSummary::performedAt)
                        .thenComparing(SpinalSessionSummary::sessionId)
                        .reversed())
                .filter(s -> seen.add(s.sessionId()))
                .toList();
    }

    private Reason met(int clean) {
        return new Reason(
                PlanCodes.LOAD_GATE_MET,
                String.format(
                        Locale.ROOT,
                        "%d consecutive spinal sessions with no pain above normal soreness, no technique fault and every "
                                + "working set at RPE %s or less: load may rise %s-%s%%.",
                        clean,
                        number(settings.maxRpe()),
                        number(settings.increaseMinPct()),
                        number(settings.increaseMaxPct())),
                FIELDS);
    }

    private Reason tooFew(int clean) {
        return new Reason(
                PlanCodes.LOAD_GATE_NOT_MET,
                String.format(
                        Locale.ROOT,
                        "%d clean spinal sessions in a row so far, %d needed before load rises again.",
                        clean,
                        settings.sessions()),
                FIELDS);
    }

    private Reason brokenRun(int clean, SpinalSessionSummary breaker, List<String> why) {
        return new Reason(
                PlanCodes.LOAD_GATE_NOT_MET,
                String.format(
                        Locale.ROOT,
                        "%d of %d consecutive clean spinal sessions; session %s on %s broke the run: %s.",
                        clean,
                        settings.sessions(),
                        breaker.sessionId(),
                        breaker.performedAt(),
                        String.join(", ", why)),
                FIELDS);
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
