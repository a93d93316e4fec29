package com.liftguard.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadCalculatorTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private final LoadCalculator calculator = new LoadCalculator(LoadSettings.defaults());

    /** Loads on consecutive days from {@code start}. */
    private static Map<LocalDate, Double> days(LocalDate start, double... loads) {
        Map<LocalDate, Double> m = new TreeMap<>();
        for (int i = 0; i < loads.length; i++) {
            m.put(start.plusDays(i), loads[i]);
        }
        return m;
    }

    @Test
    void ewmaMatchesAHandComputedSeries() {
        // loads 100, 0, 200 from the first session; EWMA = 0 the day before
        LoadFigures f = calculator.figures(days(FIRST, 100, 0, 200), FIRST, FIRST.plusDays(2));
        // acute, lambda 1/4: 25; 0.75 x 25 = 18.75; 50 + 0.75 x 18.75 = 64.0625 (all exact in binary)
        assertEquals(64.0625, f.acuteLoad(), 0.0);
        // chronic, lambda 2/29: 200/29; 200/29 x 27/29 = 5400/841; 400/29 + 27/29 x 5400/841 = 482200/24389
        assertEquals(482200.0 / 24389, f.chronicLoad(), 1e-12);
        assertEquals(25.0, calculator.figures(days(FIRST, 100), FIRST, FIRST).acuteLoad(), 0.0);
        assertEquals(
                18.75,
                calculator.figures(days(FIRST, 100), FIRST, FIRST.plusDays(1)).acuteLoad(),
                0.0);
    }

    @Test
    void absentDaysAreZero() {
        Map<LocalDate, Double> sparse = Map.of(FIRST, 100.0, FIRST.plusDays(2), 200.0);
        assertEquals(
                calculator.figures(days(FIRST, 100, 0, 200), FIRST, FIRST.plusDays(2)),
                calculator.figures(sparse, FIRST, FIRST.plusDays(2)));
    }

    @Test
    void figuresAreAPureFunctionOfTheMapWhateverTheInsertionOrder() {
        Random random = new Random(42);
        LocalDate asOf = FIRST.plusDays(90);
        List<Map.Entry<LocalDate, Double>> entries = new ArrayList<>();
        for (int i = 0; i <= 90; i++) {
            if (random.nextInt(3) > 0) {
                entries.add(Map.entry(FIRST.plusDays(i), (double) random.nextInt(800)));
            }
        }
        LoadFigures expected =
                calculator.figures(new TreeMap<>(Map.ofEntries(entries.toArray(Map.Entry[]::new))), FIRST, asOf);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(entries, random);
            Map<LocalDate, Double> linked = new LinkedHashMap<>();
            Map<LocalDate, Double> hashed = new HashMap<>();
            entries.forEach(e -> {
                linked.put(e.getKey(), e.getValue());
                hashed.put(e.getKey(), e.getValue());
            });
            assertEquals(expected, calculator.figures(linked, FIRST, asOf));
            assertEquals(expected, calculator.figures(hashed, FIRST, asOf));
        }
    }

    @Test
    void acwrIsNullUntil28DaysHavePassedSinceTheFirstSession() {
        double[] loads = new double[40];
        Arrays.fill(loads, 300);
        Map<LocalDate, Double> daily = days(FIRST, loads);
        LoadFigures day27 = calculator.figures(daily, FIRST, FIRST.plusDays(27));
        LoadFigures day28 = calculator.figures(daily, FIRST, FIRST.plusDays(28));
        assertTrue(day27.chronicLoad() >= 1, "chronic load is not what keeps it null");
        assertNull(day27.acwr());
        assertNull(day27.acwrStatus());
        assertNotNull(day28.acwr());
        assertEquals(day28.acuteLoad() / day28.chronicLoad(), day28.acwr(), 0.0);
    }

    @Test
    void acwrIsNullWhileChronicLoadIsBelowTheMinimum() {
        LocalDate asOf = FIRST.plusDays(40);
        Map<LocalDate, Double> daily = Map.of(FIRST, 5.0, asOf, 1.0);
        LoadFigures f = calculator.figures(daily, FIRST, asOf);
        assertTrue(f.chronicLoad() < 1);
        assertNull(f.acwr());

        // the minimum itself is enough: chronic >= minimum reports the ratio
        LoadSettings d = LoadSettings.defaults();
        LoadSettings atMinimum = new LoadSettings(7, 28, 28, f.chronicLoad(), 0.8, 1.3, 1.5, 2, 7, d.ewmaHorizonDays());
        LoadSettings aboveMinimum =
                new LoadSettings(7, 28, 28, Math.nextUp(f.chronicLoad()), 0.8, 1.3, 1.5, 2, 7, d.ewmaHorizonDays());
        assertNotNull(new LoadCalculator(atMinimum).figures(daily, FIRST, asOf).acwr());
        assertNull(new LoadCalculator(aboveMinimum).figures(daily, FIRST, asOf).acwr());
    }

    @ParameterizedTest(name = "ACWR {0} -> {1}")
    @CsvSource({"0.79, LOW", "0.8, NORMAL", "1.0, NORMAL", "1.3, NORMAL", "1.31, HIGH", "1.5, HIGH", "1.51, SPIKE"})
    void acwrStatusBoundaries(double acwr, AcwrStatus status) {
        assertEquals(status, calculator.status(acwr));
    }

    @Test
    void acwrStatusOfNullIsNull() {
        assertNull(calculator.status(null));
    }

    @Test
    void aSuddenJumpAfterSteadyWeeksIsASpike() {
        double[] loads = new double[42];
        Arrays.fill(loads, 0, 35, 300);
        Arrays.fill(loads, 35, 42, 900);
        LoadFigures f = calculator.figures(days(FIRST, loads), FIRST, FIRST.plusDays(41));
        assertEquals(AcwrStatus.SPIKE, f.acwrStatus());
        assertTrue(f.acwrSpike());
    }

    @Test
    void weeklyLoadAndWeekOverWeekChange() {
        // two weeks before asOf: previous week 7 x 100, last week 7 x 150 (asOf included)
        double[] loads = new double[14];
        Arrays.fill(loads, 0, 7, 100);
        Arrays.fill(loads, 7, 14, 150);
        LoadFigures f = calculator.figures(days(FIRST, loads), FIRST, FIRST.plusDays(13));
        assertEquals(1050.0, f.weeklyLoad());
        assertEquals(700.0, f.previousWeekLoad());
        assertEquals(50.0, f.weekOverWeekChangePct(), 1e-12);
    }

    @Test
    void weekOverWeekChangeIsNullWhenThePreviousWeekIsZero() {
        LoadFigures f = calculator.figures(days(FIRST, 100, 200), FIRST, FIRST.plusDays(1));
        assertEquals(300.0, f.weeklyLoad());
        assertEquals(0.0, f.previousWeekLoad());
        assertNull(f.weekOverWeekChangePct());
    }

    @Test
    void theWeekIncludesAsOfAndTheSixDaysBefore() {
        LocalDate asOf = FIRST.plusDays(20);
        Map<LocalDate, Double> daily = Map.of(
                asOf,
                1.0,
                asOf.minusDays(6),
                10.0,
                asOf.minusDays(7),
                100.0,
                asOf.minusDays(13),
                1000.0,
                asOf.minusDays(14),
                10000.0);
        LoadFigures f = calculator.figures(daily, FIRST, asOf);
        assertEquals(11.0, f.weeklyLoad());
        assertEquals(1100.0, f.previousWeekLoad());
    }

    @Test
    void monotonyIsMeanOverPopulationDeviationWithZerosIncluded() {
        // six rest days and one of 700: mean 100, population variance (6 x 100^2 + 600^2) / 7 = 60000
        LoadFigures f = calculator.figures(days(FIRST, 0, 0, 0, 0, 0, 0, 700), FIRST, FIRST.plusDays(6));
        assertEquals(1 / Math.sqrt(6), f.monotony(), 1e-12);
        assertEquals(700 / Math.sqrt(6), f.strain(), 1e-9);
        assertFalse(f.monotonyHigh());
    }

    @Test
    void monotonyIsNullWhenEveryDayIsTheSame() {
        LoadFigures same = calculator.figures(
                days(FIRST.minusDays(10), new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1
                }),
                FIRST.minusDays(10),
                FIRST.plusDays(6));
        assertNull(same.monotony());
        assertNull(same.strain());
        assertFalse(same.monotonyHigh());
        LoadFigures rest = calculator.figures(Map.of(FIRST, 100.0), FIRST, FIRST.plusDays(30));
        assertNull(rest.monotony());
    }

    @Test
    void monotonyAboveTwoIsHigh() {
        // 6 x 100 and one 50: mean 650/7, deviation 50 x sqrt(6)/7, monotony 13 / sqrt(6) = 5.3
        LoadFigures f = calculator.figures(days(FIRST, 100, 100, 100, 50, 100, 100, 100), FIRST, FIRST.plusDays(6));
        assertEquals(13 / Math.sqrt(6), f.monotony(), 1e-12);
        assertTrue(f.monotonyHigh());
        assertFalse(calculator.monotonyHigh(2.0));
        assertTrue(calculator.monotonyHigh(2.0001));
        assertFalse(calculator.monotonyHigh(null));
    }

    @Test
    void beforeTheFirstSessionEverythingIsZero() {
        LoadFigures f = calculator.figures(Map.of(), FIRST, FIRST.minusDays(1));
        assertEquals(0.0, f.acuteLoad());
        assertEquals(0.0, f.chronicLoad());
        assertNull(f.acwr());
        assertEquals(0.0, f.weeklyLoad());
    }

    @Test
    void loadsOutsideTheWindowOrBeforeTheFirstSessionOrAfterAsOfAreIgnored() {
        LocalDate asOf = FIRST.plusDays(500);
        Map<LocalDate, Double> window = new TreeMap<>();
        for (LocalDate d = calculator.windowStart(asOf); !d.isAfter(asOf); d = d.plusDays(2)) {
            window.put(d, 250.0);
        }
        Map<LocalDate, Double> noisy = new TreeMap<>(window);
        noisy.put(calculator.windowStart(asOf).minusDays(1), 99999.0);
        noisy.put(FIRST.minusDays(3), 99999.0);
        noisy.put(asOf.plusDays(1), 99999.0);
        assertEquals(calculator.figures(window, FIRST, asOf), calculator.figures(noisy, FIRST, asOf));
        assertEquals(asOf.minusDays(400), calculator.windowStart(asOf));
    }

    @Test
    void truncatingALongHistoryAtTheHorizonChangesTheFiguresByLessThanTheBound() {
        Random random = new Random(7);
        LocalDate asOf = FIRST.plusDays(1500);
        Map<LocalDate, Double> history = new TreeMap<>();
        double max = 0;
        for (int i = 0; i <= 1500; i++) {
            double load = random.nextInt(1000);
            history.put(FIRST.plusDays(i), load);
            max = Math.max(max, load);
        }
        LoadSettings d = LoadSettings.defaults();
        LoadSettings everything = new LoadSettings(7, 28, 28, 1, 0.8, 1.3, 1.5, 2, 7, 5000);
        LoadFigures truncated = calculator.figures(history, FIRST, asOf);
        LoadFigures full = new LoadCalculator(everything).figures(history, FIRST, asOf);
        double bound = Math.pow(1 - d.chronicLambda(), d.ewmaHorizonDays()) * max;
        assertTrue(bound < 1e-9, "bound " + bound);
        assertEquals(full.chronicLoad(), truncated.chronicLoad(), bound);
        assertEquals(full.acuteLoad(), truncated.acuteLoad(), bound);
        assertEquals(full.weeklyLoad(), truncated.weeklyLoad());
    }
}
