package com.liftguard.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The defaults are the numbers of docs/rules.md sections 3-6. */
class DomainSettingsTest {

    @Test
    void loadDefaults() {
        LoadSettings s = LoadSettings.defaults();
        assertEquals(new LoadSettings(7, 28, 28, 1.0, 0.8, 1.3, 1.5, 2.0, 7, 400), s);
        assertEquals(0.25, s.acuteLambda(), 0.0);
        assertEquals(2.0 / 29, s.chronicLambda(), 0.0);
    }

    @Test
    void theEwmaWindowMustHoldTwoWeeks() {
        assertThrows(IllegalArgumentException.class, () -> new LoadSettings(7, 28, 28, 1, 0.8, 1.3, 1.5, 2, 7, 12));
        assertEquals(13, new LoadSettings(7, 28, 28, 1, 0.8, 1.3, 1.5, 2, 7, 13).ewmaHorizonDays());
        assertThrows(IllegalArgumentException.class, () -> new LoadSettings(0, 28, 28, 1, 0.8, 1.3, 1.5, 2, 7, 400));
    }

    @Test
    void e1rmDefaults() {
        E1rmSettings s = E1rmSettings.defaults();
        assertEquals(
                List.of(
                        1.000, .955, .922, .892, .863, .837, .811, .786, .762, .739, .707, .680, .653, .626, .599,
                        .573),
                s.rpeChart());
        assertEquals(12, s.maxChartReps());
        assertEquals(10, s.maxEpleyReps());
        assertEquals(30.0, s.epleyDivisor());
        assertEquals(42, s.windowDays());
        assertThrows(IllegalArgumentException.class, () -> new E1rmSettings(List.of(1.0, 0.0), 12, 10, 30, 42));
    }

    @Test
    void recoveryFindingSleepAndRiskLevelDefaults() {
        assertEquals(new RecoverySettings(0.80, 8, 10, 48, 72, 72), RecoverySettings.defaults());
        assertEquals(new FindingSettings(15, 2, 2, 3), FindingSettings.defaults());
        assertEquals(new SleepSettings(3, 7, 6, 1), SleepSettings.defaults());
        assertEquals(new RiskLevelSettings(2, 1, 2, true), RiskLevelSettings.defaults());
        assertThrows(IllegalArgumentException.class, () -> new SleepSettings(3, 7, 6, 4));
        assertThrows(IllegalArgumentException.class, () -> new SleepSettings(3, 7, 6, 0));
    }
}
