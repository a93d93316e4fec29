package com.liftguard.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.model.PainOnset;
import com.liftguard.events.model.PainQuality;
import com.liftguard.events.model.PainRegion;
import com.liftguard.events.model.PainReport;
import com.liftguard.events.model.PainSide;
import com.liftguard.events.model.PainTrend;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.TriageCategory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PainReportTriageTest {
    private final PainReportTriage triage = new PainReportTriage(TriageSettings.defaults());

    /** A report that fires no rule: dull, central, 2/10, next day, 20 h, improving. */
    private static Builder soreness() {
        return new Builder();
    }

    private static final class Builder {
        PainRegion region = PainRegion.LOWER_BACK;
        PainSide side = PainSide.CENTRAL;
        PainQuality quality = PainQuality.DULL;
        int intensity = 2;
        PainOnset onset = PainOnset.NEXT_DAY;
        int hours = 20;
        PainTrend trend = PainTrend.IMPROVING;
        boolean[] flags = new boolean[9];

        Builder side(PainSide s) {
            side = s;
            return this;
        }

        Builder quality(PainQuality q) {
            quality = q;
            return this;
        }

        Builder intensity(int i) {
            intensity = i;
            return this;
        }

        Builder onset(PainOnset o) {
            onset = o;
            return this;
        }

        Builder hours(int h) {
            hours = h;
            return this;
        }

        Builder trend(PainTrend t) {
            trend = t;
            return this;
        }

        Builder flag(int index) {
            flags[index] = true;
            return this;
        }

        PainReport build() {
            return new PainReport(
                    region, side, quality, intensity, onset, hours, trend, flags[0], flags[1], flags[2], flags[3],
                    flags[4], flags[5], flags[6], flags[7], flags[8]);
        }
    }

    private PainReportTriage.Decision decide(Builder b) {
        return triage.triage(b.build(), PainReportTriage.History.none());
    }

    private static List<String> codes(PainReportTriage.Decision d) {
        return d.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void dullCentralMildSorenessAfterTrainingIsNormal() {
        PainReportTriage.Decision d = decide(soreness());
        assertEquals(TriageCategory.NORMAL_SORENESS, d.category());
        assertEquals(List.of("NORMAL_SORENESS"), codes(d));
    }

    @ParameterizedTest(name = "flag {0} -> {1} {2}")
    @CsvSource({
        "0, SEE_CLINICIAN, RADIATES_BELOW_KNEE",
        "1, SEE_CLINICIAN, NUMBNESS_OR_TINGLING",
        "2, SEE_CLINICIAN, LEG_WEAKNESS",
        "3, EMERGENCY, SADDLE_NUMBNESS",
        "4, EMERGENCY, BLADDER_OR_BOWEL_CHANGE",
        "5, SEE_CLINICIAN, WORSE_AT_NIGHT_OR_REST",
        "6, SEE_CLINICIAN, FEVER",
        "7, SEE_CLINICIAN, FOLLOWING_TRAUMA",
        "8, SEE_CLINICIAN, UNEXPLAINED_WEIGHT_LOSS"
    })
    void everyRedFlag(int flag, TriageCategory category, String code) {
        PainReportTriage.Decision d = decide(soreness().flag(flag));
        assertEquals(category, d.category());
        assertTrue(codes(d).contains(code), codes(d).toString());
    }

    @Test
    void legWeaknessThatIsWorseningIsAnEmergency() {
        PainReportTriage.Decision d =
                decide(soreness().flag(2).trend(PainTrend.WORSENING).hours(10));
        assertEquals(TriageCategory.EMERGENCY, d.category());
        assertEquals(List.of("LEG_WEAKNESS_WORSENING", "LEG_WEAKNESS"), codes(d));
        assertEquals(List.of("legWeakness", "trend"), d.reasons().get(0).fields());
    }

    @ParameterizedTest(name = "intensity {0} -> {1}")
    @CsvSource({
        "3, NORMAL_SORENESS",
        "4, MODIFY_TRAINING",
        "6, MODIFY_TRAINING",
        "7, SEE_CLINICIAN",
        "10, SEE_CLINICIAN"
    })
    void intensityBoundariesAreExact(int intensity, TriageCategory category) {
        assertEquals(category, decide(soreness().intensity(intensity)).category());
    }

    @ParameterizedTest(name = "{0} h, {1} -> {2}")
    @CsvSource({
        "72, STABLE, NORMAL_SORENESS",
        "73, STABLE, SEE_CLINICIAN",
        "73, WORSENING, SEE_CLINICIAN",
        "73, IMPROVING, NORMAL_SORENESS",
        "168, IMPROVING, NORMAL_SORENESS",
        "169, IMPROVING, SEE_CLINICIAN"
    })
    void durationBoundariesAreExact(int hours, PainTrend trend, TriageCategory category) {
        assertEquals(category, decide(soreness().hours(hours).trend(trend)).category());
    }

    @Test
    void sharpDuringASetNeedsAClinicianAndAfterTheSessionModifiesTraining() {
        PainReportTriage.Decision during =
                decide(soreness().quality(PainQuality.SHARP).onset(PainOnset.DURING_SET));
        assertEquals(TriageCategory.SEE_CLINICIAN, during.category());
        assertEquals(List.of("SHARP_DURING_SET", "ONSET_DURING_SET"), codes(during));
        PainReportTriage.Decision after =
                decide(soreness().quality(PainQuality.BURNING).onset(PainOnset.WITHIN_HOURS));
        assertEquals(TriageCategory.MODIFY_TRAINING, after.category());
        assertEquals(List.of("SHARP_AFTER_SESSION"), codes(after));
    }

    @Test
    void dullPainDuringASetAndOneSidedPainModifyTraining() {
        assertEquals(List.of("ONSET_DURING_SET"), codes(decide(soreness().onset(PainOnset.DURING_SET))));
        assertEquals(List.of("ONE_SIDED"), codes(decide(soreness().side(PainSide.LEFT))));
        assertEquals(
                TriageCategory.NORMAL_SORENESS,
                decide(soreness().side(PainSide.BILATERAL)).category());
    }

    @Test
    void backPainAfterThreeOfTheLastFourSpinalSessionsIsRecurrent() {
        PainReport r = soreness().build();
        assertEquals(
                TriageCategory.MODIFY_TRAINING,
                triage.triage(r, new PainReportTriage.History(4, 3)).category());
        assertEquals(
                TriageCategory.NORMAL_SORENESS,
                triage.triage(r, new PainReportTriage.History(4, 2)).category());
        assertEquals(
                TriageCategory.MODIFY_TRAINING,
                triage.triage(r, new PainReportTriage.History(3, 3)).category());
    }

    @Test
    void everyRuleThatFiresIsListedMostSevereFirst() {
        PainReportTriage.Decision d =
                decide(soreness().flag(3).flag(6).intensity(5).side(PainSide.RIGHT));
        assertEquals(TriageCategory.EMERGENCY, d.category());
        assertEquals(List.of("SADDLE_NUMBNESS", "FEVER", "INTENSITY_MODERATE", "ONE_SIDED"), codes(d));
        d.reasons().forEach(reason -> assertFalse(reason.message().isBlank()));
    }

    /** Under-triage must never happen: no report with a red flag comes out below the flag's category. */
    @Test
    void noRedFlagIsEverUnderTriaged() {
        Random random = new Random(20261124);
        for (int n = 0; n < 20_000; n++) {
            Builder b = new Builder();
            b.side = PainSide.values()[random.nextInt(4)];
            b.quality = PainQuality.values()[random.nextInt(6)];
            b.intensity = random.nextInt(11);
            b.onset = PainOnset.values()[random.nextInt(3)];
            b.hours = random.nextInt(2001);
            b.trend = PainTrend.values()[random.nextInt(3)];
            for (int f = 0; f < 9; f++) {
                b.flags[f] = random.nextInt(6) == 0;
            }
            PainReport r = b.build();
            TriageCategory floor = TriageCategory.NORMAL_SORENESS;
            if (r.saddleNumbness()
                    || r.bladderOrBowelChange()
                    || (r.legWeakness() && r.trend() == PainTrend.WORSENING)) {
                floor = TriageCategory.EMERGENCY;
            } else if (r.radiatesBelowKnee()
                    || r.numbnessOrTingling()
                    || r.legWeakness()
                    || r.worseAtNightOrRest()
                    || r.fever()
                    || r.followingTrauma()
                    || r.unexplainedWeightLoss()
                    || r.intensity() >= 7
                    || r.hoursSinceOnset() > 168) {
                floor = TriageCategory.SEE_CLINICIAN;
            }
            TriageCategory got =
                    triage.triage(r, PainReportTriage.History.none()).category();
            assertFalse(floor.moreSevereThan(got), r + " came out " + got + " below " + floor);
        }
    }
}
