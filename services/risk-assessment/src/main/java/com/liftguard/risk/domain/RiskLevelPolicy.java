package com.liftguard.risk.domain;

import com.liftguard.events.RiskAssessed.Factor;
import com.liftguard.events.model.RiskFactor;
import com.liftguard.events.model.RiskLevel;
import com.liftguard.events.model.TriageCategory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Combines what the other checks found into the athlete's risk level, with every factor behind it.
 *
 * <p>Load/recovery factors and their weights: ACWR spike (1), monotony high (1), heavy spinal sessions too close
 * (1, however many pairs), short sleep (1) or very short sleep (2). Then, first rule that holds:
 * <ol>
 *   <li>CRITICAL: the latest active triage is EMERGENCY.</li>
 *   <li>HIGH: the latest active triage is SEE_CLINICIAN; or the load/recovery weight is 2 or more (two factors
 *       at once, or very short sleep alone); or a technique pattern together with any load/recovery factor.</li>
 *   <li>MODERATE: triage MODIFY_TRAINING, a technique pattern, or a single load/recovery factor.</li>
 *   <li>LOW: none of these (a NORMAL_SORENESS triage adds nothing).</li>
 * </ol>
 * Factors come most severe first: triage, load and recovery, then technique patterns. Each carries its raw
 * figures; an ACWR spike always shows acute and chronic load beside the ratio, because the ratio is a reason to
 * look, never an injury probability.
 */
public final class RiskLevelPolicy {

    /**
     * What the checks found; any part may be null or empty when unknown.
     *
     * @param activeTriage the category of the athlete's latest triage that is still active, or null
     * @param load today's load figures, or null when the athlete has no sessions yet
     * @param tooClose heavy spinal sessions too close, from {@link SpacingCheck#tooClose}
     */
    public record Inputs(
            TriageCategory activeTriage,
            List<TechniqueFindings.Pattern> patterns,
            LoadFigures load,
            List<SpacingCheck.TooClose> tooClose,
            SleepCheck.Result sleep) {
        public Inputs {
            patterns = patterns == null ? List.of() : List.copyOf(patterns);
            tooClose = tooClose == null ? List.of() : List.copyOf(tooClose);
        }
    }

    /** The level and every factor behind it. */
    public record Assessment(RiskLevel level, List<Factor> factors) {
        public Assessment {
            factors = List.copyOf(factors);
        }
    }

    private final RiskLevelSettings settings;
    private final LoadSettings loadSettings;

    /** @param loadSettings the thresholds the load figures were classified with, quoted in the messages */
    public RiskLevelPolicy(RiskLevelSettings settings, LoadSettings loadSettings) {
        this.settings = settings;
        this.loadSettings = loadSettings;
    }

    /**
     * The athlete's active triage, from the categories of the pain reported in the triage window: the most severe
     * of them, since each report counts for the whole window; null when there is none.
     */
    public static TriageCategory activeTriage(Collection<TriageCategory> categories) {
        return categories.stream().reduce(TriageCategory::mostSevere).orElse(null);
    }

    public Assessment assess(Inputs in) {
        List<Factor> factors = new ArrayList<>();
        triage(in.activeTriage(), factors);
        int loadWeight = load(in.load(), factors) + spacing(in.tooClose(), factors) + sleep(in.sleep(), factors);
        in.patterns()
                .forEach(p -> factors.add(new Factor(
                        RiskFactor.patternOf(p.type()),
                        p.reason().message(),
                        figures(
                                "maxSetsInOneSession",
                                p.maxSetsInOneSession(),
                                "sessionsWithFinding",
                                p.sessionsWithFinding(),
                                "sessionsConsidered",
                                p.sessionsConsidered()))));

        boolean pattern = !in.patterns().isEmpty();
        TriageCategory triage = in.activeTriage();
        RiskLevel level;
        if (triage == TriageCategory.EMERGENCY) {
            level = RiskLevel.CRITICAL;
        } else if (triage == TriageCategory.SEE_CLINICIAN
                || loadWeight >= settings.loadWeightForHigh()
                || (settings.patternWithLoadIsHigh() && pattern && loadWeight > 0)) {
            level = RiskLevel.HIGH;
        } else if (triage == TriageCategory.MODIFY_TRAINING || pattern || loadWeight > 0) {
            level = RiskLevel.MODERATE;
        } else {
            level = RiskLevel.LOW;
        }
        return new Assessment(level, factors);
    }

    private static void triage(TriageCategory category, List<Factor> factors) {
        if (category == null || category == TriageCategory.NORMAL_SORENESS) {
            return;
        }
        String message = switch (category) {
            case EMERGENCY ->
                "A pain report with an emergency red flag: stop all training and seek medical care today.";
            case SEE_CLINICIAN -> "A pain report that needs a clinician: no spinal loading until one has seen it.";
            default -> "A pain report that calls for lighter training focused on technique.";
        };
        factors.add(new Factor(RiskFactor.triageOf(category), message, Map.of()));
    }

    private int load(LoadFigures load, List<Factor> factors) {
        if (load == null) {
            return 0;
        }
        int weight = 0;
        if (load.acwrSpike()) {
            weight++;
            factors.add(new Factor(
                    RiskFactor.ACWR_SPIKE,
                    String.format(
                            Locale.ROOT,
                            "Acute:chronic workload ratio %.2f "
                                    + "(acute %.0f, chronic %.0f) is above %.2f: a reason to review the recent load, not an injury "
                                    + "prediction.",
                            load.acwr(),
                            load.acuteLoad(),
                            load.chronicLoad(),
                            loadSettings.acwrSpike()),
                    figures(
                            "acute",
                            load.acuteLoad(),
                            "chronic",
                            load.chronicLoad(),
                            "acwr",
                            load.acwr(),
                            "spikeThreshold",
                            loadSettings.acwrSpike())));
        }
        if (load.monotonyHigh()) {
            weight++;
            factors.add(new Factor(
                    RiskFactor.MONOTONY_HIGH,
                    String.format(
                            Locale.ROOT,
                            "Training monotony %.2f is above %.1f "
                                    + "(weekly load %.0f, strain %.0f): the days are too alike to recover between.",
                            load.monotony(),
                            loadSettings.monotonyHigh(),
                            load.weeklyLoad(),
                            load.strain()),
                    figures(
                            "monotony",
                            load.monotony(),
                            "weeklyLoad",
                            load.weeklyLoad(),
                            "strain",
                            load.strain(),
                            "monotonyThreshold",
                            loadSettings.monotonyHigh())));
        }
        return weight;
    }

    private static int spacing(List<SpacingCheck.TooClose> tooClose, List<Factor> factors) {
        if (tooClose.isEmpty()) {
            return 0;
        }
        SpacingCheck.TooClose closest = tooClose.stream()
                .min(Comparator.comparingDouble(SpacingCheck.TooClose::hoursBetween))
                .orElseThrow();
        String message = tooClose.size() == 1
                ? closest.reason().message()
                : tooClose.size() + " pairs of heavy spinal-loading sessions with too little recovery; the closest: "
                        + closest.reason().message();
        factors.add(new Factor(
                RiskFactor.HEAVY_SESSIONS_TOO_CLOSE,
                message,
                figures(
                        "pairs",
                        tooClose.size(),
                        "hoursBetween",
                        closest.hoursBetween(),
                        "minimumHours",
                        closest.minimumHours())));
        return 1;
    }

    private int sleep(SleepCheck.Result sleep, List<Factor> factors) {
        if (sleep == null || !sleep.raisesRisk()) {
            return 0;
        }
        factors.add(new Factor(
                sleep.factor(),
                sleep.reason().message(),
                figures("meanSleepHours", sleep.meanHours(), "reports", sleep.reportsUsed())));
        return sleep.status() == SleepCheck.Status.VERY_SHORT
                ? settings.veryShortSleepWeight()
                : settings.shortSleepWeight();
    }

    /** Alternating names and numbers, in order. */
    private static Map<String, Double> figures(Object... namesAndValues) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Number n = (Number) namesAndValues[i + 1];
            figures.put((String) namesAndValues[i], n == null ? null : n.doubleValue());
        }
        return figures;
    }
}
