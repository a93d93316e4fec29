package com.liftguard.risk.domain;

import java.util.List;

/**
 * How an estimated one-repetition maximum is computed (docs/rules.md section 4).
 *
 * @param rpeChart percentage of 1RM by chart index (index = reps + (10 - RPE) - 1, from 0); default the 16
 *     whole-RPE values 1.000 .. 0.573
 * @param maxChartReps most reps for which the chart is used when an RPE or RIR was logged (12)
 * @param maxEpleyReps most reps for which Epley is used when no effort was logged (10)
 * @param epleyDivisor Epley's e1RM = load x (1 + reps / divisor) (30)
 * @param windowDays an exercise's e1RM is the best estimate of this many days, the as-of day included (42)
 */
public record E1rmSettings(
        List<Double> rpeChart, int maxChartReps, int maxEpleyReps, double epleyDivisor, int windowDays) {

    public E1rmSettings {
        rpeChart = List.copyOf(rpeChart);
        if (rpeChart.stream().anyMatch(p -> p <= 0 || p > 1)) {
            throw new IllegalArgumentException("chart percentages must be in (0, 1]: " + rpeChart);
        }
    }

    public static E1rmSettings defaults() {
        return new E1rmSettings(
                List.of(
                        1.000, .955, .922, .892, .863, .837, .811, .786, .762, .739, .707, .680, .653, .626, .599,
                        .573),
                12,
                10,
                30,
                42);
    }
}
