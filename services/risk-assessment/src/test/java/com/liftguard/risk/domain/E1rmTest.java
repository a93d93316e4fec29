package com.liftguard.risk.domain;

import static com.liftguard.risk.domain.Sets.rir;
import static com.liftguard.risk.domain.Sets.rpe;
import static com.liftguard.risk.domain.Sets.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.model.Exercise;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class E1rmTest {

    private static final LocalDate ASOF = LocalDate.of(2024, 6, 30);
    private final E1rm e1rm = new E1rm(E1rmSettings.defaults());

    private static double value(OptionalDouble d) {
        assertTrue(d.isPresent(), "expected an estimate");
        return d.getAsDouble();
    }

    @Test
    void workedExample100KgFor5AtRpe8() {
        double e = value(e1rm.estimate(rpe(Exercise.BACK_SQUAT, 5, 100, 8)));
        assertEquals(100 / .811, e, 1e-12);
        assertEquals(123.3, Math.round(e * 10) / 10.0);
    }

    @ParameterizedTest(name = "{0} reps @ RPE {1} -> {2}")
    @CsvSource({
        "1, 10, 1.000",
        "1, 9, .955",
        "2, 10, .955",
        "3, 7, .837",
        "5, 8, .811",
        "10, 10, .739",
        "12, 10, .680",
        "12, 7, .599",
        "12, 6, .573",
        "7, 1, .573",
        "1, 3, .786"
    })
    void chartIndexIsRepsPlusTenMinusRpeMinusOne(int reps, double rpe, double percent) {
        assertEquals(percent, value(e1rm.chartPercent(reps, rpe)), 0.0);
    }

    @Test
    void halfRpeIsTheMeanOfTheNeighbouringWholeRpeValues() {
        assertEquals((.837 + .811) / 2, value(e1rm.chartPercent(5, 8.5)), 1e-15);
        assertEquals(100 / ((.837 + .811) / 2), value(e1rm.estimate(rpe(Exercise.DEADLIFT, 5, 100, 8.5))), 1e-12);
        assertEquals((1.0 + .955) / 2, value(e1rm.chartPercent(1, 9.5)), 1e-15);
        assertEquals((.599 + .573) / 2, value(e1rm.chartPercent(12, 6.5)), 1e-15);
    }

    @Test
    void rirIsConvertedToRpe() {
        assertEquals(100 / .811, value(e1rm.estimate(rir(Exercise.BACK_SQUAT, 5, 100, 2))), 1e-12);
        assertEquals(140.0, value(e1rm.estimate(rir(Exercise.DEADLIFT, 1, 140, 0))), 0.0);
    }

    @Test
    void beyondTheSixteenEntryChartThereIsNoEstimate() {
        assertFalse(e1rm.chartPercent(12, 5).isPresent(), "index 16");
        assertFalse(e1rm.chartPercent(12, 5.5).isPresent(), "one neighbour at index 16");
        assertFalse(e1rm.estimate(rpe(Exercise.BACK_SQUAT, 12, 60, 5)).isPresent());
        assertFalse(e1rm.chartPercent(8, 1).isPresent(), "index 16");
    }

    @Test
    void withAnEffortOnly1To12RepsAreEstimatedAndEpleyIsNeverTheFallback() {
        assertTrue(e1rm.estimate(rpe(Exercise.BACK_SQUAT, 12, 60, 10)).isPresent());
        assertFalse(e1rm.estimate(rpe(Exercise.BACK_SQUAT, 13, 60, 10)).isPresent());
        assertFalse(e1rm.estimate(rpe(Exercise.BACK_SQUAT, 0, 60, 10)).isPresent());
    }

    @Test
    void rpeOutsideTheScaleOrNotInHalfStepsHasNoEstimate() {
        assertFalse(e1rm.chartPercent(3, 10.5).isPresent());
        assertFalse(e1rm.chartPercent(3, 8.3).isPresent());
    }

    @Test
    void withoutAnEffortEpleyFor1To10Reps() {
        assertEquals(100 * (1 + 10 / 30.0), value(e1rm.estimate(set(Exercise.BACK_SQUAT, 10, 100))), 1e-12);
        assertEquals(100 * (1 + 1 / 30.0), value(e1rm.estimate(set(Exercise.BACK_SQUAT, 1, 100))), 1e-12);
        assertEquals(120.0, value(e1rm.estimate(set(Exercise.DEADLIFT, 6, 100))), 1e-12);
        assertFalse(e1rm.estimate(set(Exercise.BACK_SQUAT, 11, 100)).isPresent());
    }

    @Test
    void anUnloadedSetHasNoEstimate() {
        assertFalse(e1rm.estimate(set(Exercise.BACK_EXTENSION_45, 10, 0)).isPresent());
        assertFalse(e1rm.estimate(rpe(Exercise.BACK_EXTENSION_45, 10, 0, 8)).isPresent());
    }

    @Test
    void estimatesOfASessionAreReferencedBySessionAndSetIndex() {
        List<E1rm.Estimate> estimates = e1rm.estimates(
                "s1",
                ASOF,
                List.of(
                        rpe(Exercise.BACK_SQUAT, 5, 100, 8),
                        set(Exercise.LEG_PRESS, 20, 200),
                        set(Exercise.DEADLIFT, 6, 100)));
        assertEquals(
                List.of(
                        new E1rm.Estimate(Exercise.BACK_SQUAT, ASOF, "s1#0", 100 / .811),
                        new E1rm.Estimate(Exercise.DEADLIFT, ASOF, "s1#2", 120.0)),
                estimates);
    }

    @Test
    void anExercisesE1rmIsTheBestEstimateOfTheLast42DaysAsOfIncluded() {
        E1rm.Estimate oldest = new E1rm.Estimate(Exercise.BACK_SQUAT, ASOF.minusDays(41), "in", 150);
        E1rm.Estimate tooOld = new E1rm.Estimate(Exercise.BACK_SQUAT, ASOF.minusDays(42), "out", 200);
        E1rm.Estimate future = new E1rm.Estimate(Exercise.BACK_SQUAT, ASOF.plusDays(1), "future", 210);
        E1rm.Estimate recent = new E1rm.Estimate(Exercise.BACK_SQUAT, ASOF, "today", 140);
        E1rm.Estimate dead = new E1rm.Estimate(Exercise.DEADLIFT, ASOF, "dl", 220);
        List<E1rm.Estimate> all = List.of(oldest, tooOld, future, recent, dead);
        assertEquals(oldest, e1rm.best(all, Exercise.BACK_SQUAT, ASOF).orElseThrow());
        assertEquals(ASOF.minusDays(41), e1rm.windowStart(ASOF));
        assertEquals(Map.of(Exercise.BACK_SQUAT, oldest, Exercise.DEADLIFT, dead), e1rm.bestByExercise(all, ASOF));
        assertEquals(
                Map.of(Exercise.BACK_SQUAT, 150.0, Exercise.DEADLIFT, 220.0), E1rm.kg(e1rm.bestByExercise(all, ASOF)));
        assertFalse(e1rm.best(all, Exercise.FRONT_SQUAT, ASOF).isPresent());
    }

    @Test
    void equalEstimatesGoToTheMostRecent() {
        E1rm.Estimate older = new E1rm.Estimate(Exercise.DEADLIFT, ASOF.minusDays(5), "older", 200);
        E1rm.Estimate newer = new E1rm.Estimate(Exercise.DEADLIFT, ASOF.minusDays(1), "newer", 200);
        assertEquals(
                newer, e1rm.best(List.of(newer, older), Exercise.DEADLIFT, ASOF).orElseThrow());
        assertEquals(newer, e1rm.bestByExercise(List.of(older, newer), ASOF).get(Exercise.DEADLIFT));
        assertEquals(newer, e1rm.bestByExercise(List.of(newer, older), ASOF).get(Exercise.DEADLIFT));
    }
}
