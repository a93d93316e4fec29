package com.liftguard.risk.domain;

import com.liftguard.events.model.PainOnset;
import com.liftguard.events.model.PainQuality;
import com.liftguard.events.model.PainReport;
import com.liftguard.events.model.PainSide;
import com.liftguard.events.model.PainTrend;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.TriageCategory;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts one pain report into the four categories of docs/rules.md section 2. Every rule that fires is listed;
 * the report takes the most severe category among them. Liftguard never diagnoses: a red flag sends the
 * athlete to a clinician and says why.
 */
public final class PainReportTriage {

    /** What triage decided for one report: the category and every rule behind it. */
    public record Decision(TriageCategory category, List<Reason> reasons) {}

    /**
     * @param spinalSessionsConsidered how many of the athlete's most recent spinal-loading sessions are known
     *     (at most {@link TriageSettings#recurrentWindow()})
     * @param withBackPainAfter how many of those were followed by a back pain report, this one included
     */
    public record History(int spinalSessionsConsidered, int withBackPainAfter) {
        public static History none() {
            return new History(0, 0);
        }
    }

    private final TriageSettings settings;

    public PainReportTriage(TriageSettings settings) {
        this.settings = settings;
    }

    public Decision triage(PainReport r, History history) {
        List<Fired> fired = new ArrayList<>();
        emergency(r, fired);
        seeClinician(r, fired);
        modifyTraining(r, history, fired);
        if (fired.isEmpty()) {
            fired.add(new Fired(
                    TriageCategory.NORMAL_SORENESS,
                    "NORMAL_SORENESS",
                    "Dull, aching or tight soreness of " + r.intensity() + "/10 that came on after training: normal "
                            + "delayed-onset soreness, which peaks at 24-72 h and fades within a week. Recover, sleep, keep moving.",
                    List.of("quality", "side", "intensity", "onset", "hoursSinceOnset", "trend")));
        }
        TriageCategory category = TriageCategory.NORMAL_SORENESS;
        List<Reason> reasons = new ArrayList<>();
        for (Fired f : fired) {
            category = TriageCategory.mostSevere(category, f.category());
        }
        // most severe reasons first, so the first sentence a coach reads is the one that matters most
        for (TriageCategory c : TriageCategory.values()) {
            fired.stream().filter(f -> f.category() == c).forEach(f -> reasons.add(f.reason()));
        }
        return new Decision(category, List.copyOf(reasons));
    }

    private record Fired(TriageCategory category, Reason reason) {
        Fired(TriageCategory category, String code, String message, List<String> fields) {
            this(category, new Reason(code, message, fields));
        }
    }

    private static void emergency(PainReport r, List<Fired> fired) {
        TriageCategory e = TriageCategory.EMERGENCY;
        if (r.saddleNumbness()) {
            fired.add(new Fired(
                    e,
                    "SADDLE_NUMBNESS",
                    "Numbness in the saddle area can mean cauda equina syndrome: "
                            + "stop training and seek medical care today.",
                    List.of("saddleNumbness")));
        }
        if (r.bladderOrBowelChange()) {
            fired.add(new Fired(
                    e,
                    "BLADDER_OR_BOWEL_CHANGE",
                    "A change in bladder or bowel control with back pain can "
                            + "mean cauda equina syndrome: stop training and seek medical care today.",
                    List.of("bladderOrBowelChange")));
        }
        if (r.legWeakness() && r.trend() == PainTrend.WORSENING) {
            fired.add(new Fired(
                    e,
                    "LEG_WEAKNESS_WORSENING",
                    "Leg weakness that is getting worse may be a progressing "
                            + "nerve deficit: stop training and seek medical care today.",
                    List.of("legWeakness", "trend")));
        }
    }

    private void seeClinician(PainReport r, List<Fired> fired) {
        TriageCategory c = TriageCategory.SEE_CLINICIAN;
        String noSpinal = " No spinal loading until a clinician has seen it.";
        if (r.radiatesBelowKnee()) {
            fired.add(new Fired(
                    c,
                    "RADIATES_BELOW_KNEE",
                    "Pain radiating below the knee suggests nerve root involvement." + noSpinal,
                    List.of("radiatesBelowKnee")));
        }
        if (r.numbnessOrTingling()) {
            fired.add(new Fired(
                    c,
                    "NUMBNESS_OR_TINGLING",
                    "Numbness or tingling suggests a nerve is involved." + noSpinal,
                    List.of("numbnessOrTingling")));
        }
        if (r.legWeakness()) {
            fired.add(new Fired(
                    c, "LEG_WEAKNESS", "Leg weakness suggests a nerve deficit." + noSpinal, List.of("legWeakness")));
        }
        if (r.worseAtNightOrRest()) {
            fired.add(new Fired(
                    c,
                    "WORSE_AT_NIGHT_OR_REST",
                    "Pain that is worse at night or at rest is not mechanical " + "soreness." + noSpinal,
                    List.of("worseAtNightOrRest")));
        }
        if (r.fever()) {
            fired.add(
                    new Fired(c, "FEVER", "Back pain with fever can mean an infection." + noSpinal, List.of("fever")));
        }
        if (r.followingTrauma()) {
            fired.add(new Fired(
                    c,
                    "FOLLOWING_TRAUMA",
                    "Pain following trauma (a fall, a blow, a dropped bar) needs a " + "clinician to rule out injury."
                            + noSpinal,
                    List.of("followingTrauma")));
        }
        if (r.unexplainedWeightLoss()) {
            fired.add(new Fired(
                    c,
                    "UNEXPLAINED_WEIGHT_LOSS",
                    "Back pain with unexplained weight loss is a red flag." + noSpinal,
                    List.of("unexplainedWeightLoss")));
        }
        if (r.intensity() >= settings.seeClinicianIntensity()) {
            fired.add(new Fired(
                    c,
                    "INTENSITY_HIGH",
                    "Pain of " + r.intensity() + "/10 is severe (" + settings.seeClinicianIntensity() + " or more)."
                            + noSpinal,
                    List.of("intensity")));
        }
        if (sharpOrShooting(r) && r.onset() == PainOnset.DURING_SET) {
            fired.add(new Fired(
                    c,
                    "SHARP_DURING_SET",
                    "Sharp or shooting pain that started during a set can be an " + "acute injury." + noSpinal,
                    List.of("quality", "onset")));
        }
        if (r.hoursSinceOnset() > settings.persistentHours()) {
            fired.add(new Fired(
                    c,
                    "PERSISTENT_OVER_A_WEEK",
                    "Pain lasting " + r.hoursSinceOnset() + " h (more than " + settings.persistentHours()
                            + " h) is no longer training soreness." + noSpinal,
                    List.of("hoursSinceOnset")));
        } else if (r.hoursSinceOnset() > settings.sorenessWindowHours() && r.trend() != PainTrend.IMPROVING) {
            fired.add(new Fired(
                    c,
                    "PERSISTENT_NOT_IMPROVING",
                    "Pain lasting " + r.hoursSinceOnset() + " h (more than "
                            + settings.sorenessWindowHours()
                            + " h) that is not improving is outside the soreness window."
                            + noSpinal,
                    List.of("hoursSinceOnset", "trend")));
        }
    }

    private void modifyTraining(PainReport r, History history, List<Fired> fired) {
        TriageCategory m = TriageCategory.MODIFY_TRAINING;
        String lighter = " Train lighter and on technique.";
        if (r.onset() == PainOnset.DURING_SET) {
            fired.add(new Fired(
                    m,
                    "ONSET_DURING_SET",
                    "Pain that started during a set points at technique or load." + lighter,
                    List.of("onset")));
        }
        if (r.intensity() >= settings.modifyIntensity() && r.intensity() < settings.seeClinicianIntensity()) {
            fired.add(new Fired(
                    m,
                    "INTENSITY_MODERATE",
                    "Pain of " + r.intensity() + "/10 is more than soreness." + lighter,
                    List.of("intensity")));
        }
        if (r.side() == PainSide.LEFT || r.side() == PainSide.RIGHT) {
            fired.add(new Fired(
                    m,
                    "ONE_SIDED",
                    "Pain on one side (" + r.side().name().toLowerCase() + ") is not the even soreness of training."
                            + lighter,
                    List.of("side")));
        }
        if ((sharpOrShooting(r) || r.quality() == PainQuality.BURNING) && r.onset() != PainOnset.DURING_SET) {
            fired.add(new Fired(
                    m,
                    "SHARP_AFTER_SESSION",
                    r.quality().name().charAt(0)
                            + r.quality().name().substring(1).toLowerCase() + " pain after the session is not soreness."
                            + lighter,
                    List.of("quality", "onset")));
        }
        if (history.spinalSessionsConsidered() >= settings.recurrentThreshold()
                && history.withBackPainAfter() >= settings.recurrentThreshold()) {
            fired.add(new Fired(
                    m,
                    "RECURRENT_AFTER_SPINAL_SESSIONS",
                    "Back pain after " + history.withBackPainAfter()
                            + " of the last " + history.spinalSessionsConsidered()
                            + " spinal-loading sessions: persistent "
                            + "soreness is the spine signalling distress." + lighter,
                    List.of("region")));
        }
    }

    private static boolean sharpOrShooting(PainReport r) {
        return r.quality() == PainQuality.SHARP || r.quality() == PainQuality.SHOOTING;
    }
}
