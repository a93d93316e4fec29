package com.liftguard.planning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.liftguard.events.model.TriageCategory;
import org.junit.jupiter.api.Test;

class PlanSettingsTest {

    @Test
    void theDefaultsAreTheNumbersOfRulesSectionSix() {
        PlanSettings s = PlanSettings.defaults();
        assertEquals(new PlanSettings.Basics(3, 4, 6, 8, "3-1-1", 4, 6, 70, 80), s.basics());
        assertEquals(new PlanSettings.Recovery(72, 20, 30, 2), s.recovery());
        assertEquals(new PlanSettings.Gate(3, TriageCategory.NORMAL_SORENESS, 8.0, true, 2.5, 5.0), s.gate());
        assertEquals(2.5, s.plateIncrementKg());
    }

    @Test
    void loadsRoundToThePlateIncrement() {
        PlanSettings s = PlanSettings.defaults();
        assertEquals(100.0, s.roundToPlate(101.2));
        assertEquals(102.5, s.roundToPlate(101.3));
        assertEquals(142.5, s.roundUpToPlate(142.1));
        assertEquals(142.5, s.roundUpToPlate(142.5));
        assertEquals(160.0, s.roundDownToPlate(162.4));
        assertEquals(145.0, s.withPlateIncrementKg(5).roundUpToPlate(142.1));
        assertEquals(61.25, s.withPlateIncrementKg(1.25).roundToPlate(61.5));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> PlanSettings.defaults().withPlateIncrementKg(0));
        assertThrows(IllegalArgumentException.class, () -> new PlanSettings.Basics(4, 3, 6, 8, "3-1-1", 4, 6, 70, 80));
        assertThrows(IllegalArgumentException.class, () -> new PlanSettings.Recovery(72, 30, 20, 2));
    }
}
