package com.liftguard.risk.domain;

import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.LoggedSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Estimated one-repetition maximum (docs/rules.md section 4).
 *
 * <ul>
 *   <li>With an RPE (or RIR, RPE = 10 - RIR) and 1..12 reps: load / chart percentage, chart index =
 *       reps + (10 - RPE) - 1. A half RPE takes the mean of the two neighbouring whole-RPE percentages. The
 *       chart has 16 entries (index 0..15): an index beyond it (e.g. 12 reps at RPE 5, index 16), or a half
 *       RPE with a neighbour beyond it, gives no estimate; so does an RPE above 10 or not in steps of 0.5.
 *       A logged effort never falls back to Epley: the spec gives Epley only to sets without one.</li>
 *   <li>Without an effort and 1..10 reps: Epley, load x (1 + reps / 30).</li>
 *   <li>Otherwise, and for a load of 0 kg (an unloaded set says nothing about a maximum), none.</li>
 * </ul>
 * An exercise's e1RM is the best estimate of the last 42 days, the as-of day included (asOf - 41 .. asOf).
 */
public final class E1rm {

    /** RPE 10 is the top of the chart: index 0 is a single at RPE 10. */
    private static final double TOP_RPE = 10.0;

    /**
     * One set's estimate, kept so the best of a window can be found later.
     *
     * @param setRef the caller's reference to the set, {@code sessionId#setIndex} ({@link #setRef(String, int)})
     */
    public record Estimate(Exercise exercise, LocalDate date, String setRef, double e1rmKg) {
        /** The session of a {@code sessionId#setIndex} reference. */
        public String sessionId() {
            return setRef.substring(0, setRef.lastIndexOf('#'));
        }

        /** The set's position in its session, from 0, of a {@code sessionId#setIndex} reference. */
        public int setIndex() {
            return Integer.parseInt(setRef.substring(setRef.lastIndexOf('#') + 1));
        }
    }

    /** The reference of a session's set: {@code sessionId#setIndex}; session ids may hold a '#', indexes not. */
    public static String setRef(String sessionId, int setIndex) {
        return sessionId + "#" + setIndex;
    }

    private final E1rmSettings settings;

    public E1rm(E1rmSettings settings) {
        this.settings = settings;
    }

    /** The chart percentage of 1RM for reps at an RPE, or empty outside the chart. */
    public OptionalDouble chartPercent(int reps, double rpe) {
        if (reps < 1 || reps > settings.maxChartReps() || rpe > TOP_RPE || Math.rint(rpe * 2) != rpe * 2) {
            return OptionalDouble.empty();
        }
        if (rpe == Math.rint(rpe)) {
            return at(reps, rpe);
        }
        OptionalDouble harder = at(reps, Math.ceil(rpe));
        OptionalDouble easier = at(reps, Math.floor(rpe));
        return harder.isPresent() && easier.isPresent()
                ? OptionalDouble.of((harder.getAsDouble() + easier.getAsDouble()) / 2)
                : OptionalDouble.empty();
    }

    public OptionalDouble estimate(LoggedSet set) {
        return estimate(set.reps(), set.loadKg(), set.effectiveRpe());
    }

    /** @param rpe effective RPE (from RPE or RIR), or null when no effort was logged */
    public OptionalDouble estimate(int reps, double loadKg, Double rpe) {
        if (loadKg <= 0 || reps < 1) {
            return OptionalDouble.empty();
        }
        if (rpe != null) {
            OptionalDouble percent = chartPercent(reps, rpe);
            return percent.isPresent() ? OptionalDouble.of(loadKg / percent.getAsDouble()) : OptionalDouble.empty();
        }
        return reps <= settings.maxEpleyReps()
                ? OptionalDouble.of(loadKg * (1 + reps / settings.epleyDivisor()))
                : OptionalDouble.empty();
    }

    /** The estimates of a session's sets, referenced as {@code sessionId#index} (index from 0). */
    public List<Estimate> estimates(String sessionId, LocalDate date, List<LoggedSet> sets) {
        List<Estimate> out = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            LoggedSet set = sets.get(i);
            OptionalDouble e = estimate(set);
            if (e.isPresent()) {
                out.add(new Estimate(set.exercise(), date, setRef(sessionId, i), e.getAsDouble()));
            }
        }
        return out;
    }

    /** The first day of the e1RM window ending on {@code asOf}. */
    public LocalDate windowStart(LocalDate asOf) {
        return asOf.minusDays(settings.windowDays() - 1L);
    }

    /** The exercise's e1RM as of a day: its best estimate within the window; ties go to the most recent. */
    public Optional<Estimate> best(Collection<Estimate> candidates, Exercise exercise, LocalDate asOf) {
        LocalDate from = windowStart(asOf);
        return candidates.stream()
                .filter(e -> e.exercise() == exercise && inWindow(e.date(), from, asOf))
                .max(BEST);
    }

    /** Every exercise's e1RM as of a day. */
    public Map<Exercise, Estimate> bestByExercise(Collection<Estimate> candidates, LocalDate asOf) {
        Map<Exercise, Estimate> best = new EnumMap<>(Exercise.class);
        LocalDate from = windowStart(asOf);
        for (Estimate e : candidates) {
            if (inWindow(e.date(), from, asOf)) {
                best.merge(e.exercise(), e, (a, b) -> BEST.compare(a, b) >= 0 ? a : b);
            }
        }
        return best;
    }

    /** The kilograms of {@link #bestByExercise}, the shape {@link HeavySessions} reads. */
    public static Map<Exercise, Double> kg(Map<Exercise, Estimate> best) {
        Map<Exercise, Double> kg = new EnumMap<>(Exercise.class);
        best.forEach((exercise, e) -> kg.put(exercise, e.e1rmKg()));
        return kg;
    }

    private static final Comparator<Estimate> BEST = Comparator.comparingDouble(Estimate::e1rmKg)
            .thenComparing(Estimate::date)
            .thenComparing(Estimate::setRef, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static boolean inWindow(LocalDate date, LocalDate from, LocalDate asOf) {
        return !date.isAfter(asOf) && !date.isBefore(from);
    }

    private OptionalDouble at(int reps, double wholeRpe) {
        int index = reps + (int) (TOP_RPE - wholeRpe) - 1;
        List<Double> chart = settings.rpeChart();
        return index >= 0 && index < chart.size() ? OptionalDouble.of(chart.get(index)) : OptionalDouble.empty();
    }
}
