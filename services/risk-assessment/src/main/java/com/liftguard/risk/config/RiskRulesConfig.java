package com.liftguard.risk.config;

import com.liftguard.risk.domain.E1rm;
import com.liftguard.risk.domain.E1rmSettings;
import com.liftguard.risk.domain.FindingSettings;
import com.liftguard.risk.domain.HeavySessions;
import com.liftguard.risk.domain.LoadCalculator;
import com.liftguard.risk.domain.LoadSettings;
import com.liftguard.risk.domain.RecoverySettings;
import com.liftguard.risk.domain.RiskLevelPolicy;
import com.liftguard.risk.domain.RiskLevelSettings;
import com.liftguard.risk.domain.SleepCheck;
import com.liftguard.risk.domain.SleepSettings;
import com.liftguard.risk.domain.SpacingCheck;
import com.liftguard.risk.domain.TechniqueFindings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/**
 * Every threshold of docs/rules.md sections 3-5, tunable per deployment under {@code liftguard.load.*},
 * {@code liftguard.e1rm.*}, {@code liftguard.recovery.*}, {@code liftguard.findings.*}, {@code liftguard.sleep.*}
 * and {@code liftguard.risk.*}; the defaults are the published ones (section 2's are in {@link TriageConfig}).
 */
public interface RiskRulesConfig {
    /** Section 4: session load, EWMA acute/chronic, ACWR, weekly load, monotony. */
    @ConfigMapping(prefix = "liftguard.load")
    interface Load {
        @WithDefault("7")
        int acuteSpanDays();

        @WithDefault("28")
        int chronicSpanDays();

        /** ACWR is null until this many days have passed since the first session. */
        @WithDefault("28")
        int acwrMinDays();

        /** ACWR is null while chronic load is below this. */
        @WithDefault("1")
        double minChronicLoad();

        @WithDefault("0.8")
        double acwrNormalLow();

        @WithDefault("1.3")
        double acwrNormalHigh();

        /** Above this ACWR a spike is a reason to review. */
        @WithDefault("1.5")
        double acwrSpike();

        @WithDefault("2")
        double monotonyHigh();

        @WithDefault("7")
        int weekDays();

        /** How far back daily loads are read; older loads weigh less than (1 - lambda)^horizon. */
        @WithDefault("400")
        int ewmaHorizonDays();
    }

    /** Section 4: estimated 1RM. */
    @ConfigMapping(prefix = "liftguard.e1rm")
    interface E1rmRules {
        /** Percentage of 1RM by index reps + (10 - RPE) - 1, whole RPE. */
        @WithDefault("1.000,0.955,0.922,0.892,0.863,0.837,0.811,0.786,0.762,0.739,0.707,0.680,0.653,0.626,0.599,0.573")
        List<Double> rpeChart();

        @WithDefault("12")
        int maxChartReps();

        @WithDefault("10")
        int maxEpleyReps();

        @WithDefault("30")
        double epleyDivisor();

        @WithDefault("42")
        int windowDays();
    }

    /** Section 4: heavy spinal sessions and their spacing. */
    @ConfigMapping(prefix = "liftguard.recovery")
    interface Recovery {
        @WithDefault("0.80")
        double heavyPercentOfE1rm();

        @WithDefault("8")
        double heavyRpe();

        @WithDefault("10")
        double maxEffortRpe();

        @WithDefault("48")
        int minHoursBetweenHeavy();

        @WithDefault("72")
        int minHoursAfterMaxEffort();

        @WithDefault("72")
        int nextHeavyMinHours();
    }

    /** Section 3: technique findings and patterns. */
    @ConfigMapping(prefix = "liftguard.findings")
    interface Findings {
        @WithDefault("15")
        double goodMorningLeanDeg();

        @WithDefault("2")
        int patternSetsInSession();

        @WithDefault("2")
        int patternSessions();

        @WithDefault("3")
        int lastSessions();
    }

    /** Section 5: sleep. */
    @ConfigMapping(prefix = "liftguard.sleep")
    interface Sleep {
        @WithDefault("3")
        int reports();

        @WithDefault("7")
        double shortHours();

        @WithDefault("6")
        double veryShortHours();

        @WithDefault("1")
        int minReports();
    }

    /** The risk level built from the factors above. */
    @ConfigMapping(prefix = "liftguard.risk")
    interface Risk {
        @WithDefault("2")
        int loadWeightForHigh();

        @WithDefault("1")
        int shortSleepWeight();

        @WithDefault("2")
        int veryShortSleepWeight();

        @WithDefault("true")
        boolean patternWithLoadIsHigh();

        /** Pain reports from this many days before the assessment date count towards the level. */
        @WithDefault("7")
        int triageWindowDays();

        /** Heavy sessions from this many days before the assessment date are checked for spacing. */
        @WithDefault("7")
        int spacingWindowDays();
    }

    static LoadSettings loadSettings(Load l) {
        return new LoadSettings(
                l.acuteSpanDays(),
                l.chronicSpanDays(),
                l.acwrMinDays(),
                l.minChronicLoad(),
                l.acwrNormalLow(),
                l.acwrNormalHigh(),
                l.acwrSpike(),
                l.monotonyHigh(),
                l.weekDays(),
                l.ewmaHorizonDays());
    }

    static E1rmSettings e1rmSettings(E1rmRules e) {
        return new E1rmSettings(e.rpeChart(), e.maxChartReps(), e.maxEpleyReps(), e.epleyDivisor(), e.windowDays());
    }

    static RecoverySettings recoverySettings(Recovery r) {
        return new RecoverySettings(
                r.heavyPercentOfE1rm(),
                r.heavyRpe(),
                r.maxEffortRpe(),
                r.minHoursBetweenHeavy(),
                r.minHoursAfterMaxEffort(),
                r.nextHeavyMinHours());
    }

    static FindingSettings findingSettings(Findings f) {
        return new FindingSettings(
                f.goodMorningLeanDeg(), f.patternSetsInSession(), f.patternSessions(), f.lastSessions());
    }

    static SleepSettings sleepSettings(Sleep s) {
        return new SleepSettings(s.reports(), s.shortHours(), s.veryShortHours(), s.minReports());
    }

    static RiskLevelSettings riskLevelSettings(Risk r) {
        return new RiskLevelSettings(
                r.loadWeightForHigh(), r.shortSleepWeight(), r.veryShortSleepWeight(), r.patternWithLoadIsHigh());
    }

    /** The domain objects as beans, built from configuration. */
    @ApplicationScoped
    class Beans {
        @Produces
        @ApplicationScoped
        LoadCalculator loadCalculator(Load c) {
            return new LoadCalculator(loadSettings(c));
        }

        @Produces
        @ApplicationScoped
        E1rm e1rm(E1rmRules c) {
            return new E1rm(e1rmSettings(c));
        }

        @Produces
        @ApplicationScoped
        HeavySessions heavySessions(Recovery c) {
            return new HeavySessions(recoverySettings(c));
        }

        @Produces
        @ApplicationScoped
        SpacingCheck spacingCheck(Recovery c) {
            return new SpacingCheck(recoverySettings(c));
        }

        @Produces
        @ApplicationScoped
        TechniqueFindings techniqueFindings(Findings c) {
            return new TechniqueFindings(findingSettings(c));
        }

        @Produces
        @ApplicationScoped
        SleepCheck sleepCheck(Sleep c) {
            return new SleepCheck(sleepSettings(c));
        }

        @Produces
        @ApplicationScoped
        RiskLevelPolicy riskLevelPolicy(Risk c, Load load) {
            return new RiskLevelPolicy(riskLevelSettings(c), loadSettings(load));
        }
    }
}
