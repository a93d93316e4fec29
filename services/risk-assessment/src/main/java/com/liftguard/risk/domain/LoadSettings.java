package com.liftguard.risk.domain;

/**
 * The training-load thresholds of docs/rules.md section 4 (acute and chronic load, ACWR, weekly load, monotony).
 * Defaults are the published ones; a tenant's clinicians may tune them through configuration.
 *
 * @param acuteSpanDays span of the acute EWMA, lambda = 2 / (span + 1) (default 7, lambda 0.25)
 * @param chronicSpanDays span of the chronic EWMA (28, lambda 2/29)
 * @param acwrMinDays days that must have passed since the first session before the ACWR is reported (28)
 * @param minChronicLoad chronic load below which the ACWR is not reported (1)
 * @param acwrNormalLow lower bound of the normal ACWR range, inclusive (0.8)
 * @param acwrNormalHigh upper bound of the normal ACWR range, inclusive (1.3)
 * @param acwrSpike an ACWR above this is a spike to review (1.5)
 * @param monotonyHigh a monotony above this is high (2)
 * @param weekDays days in the weekly load, asOf included; also the monotony window (7)
 * @param ewmaHorizonDays how many days before asOf the EWMA reaches back (400); the caller passes daily loads
 *     for [asOf - horizon, asOf], so the cost of one assessment never grows with the athlete's history
 */
public record LoadSettings(
        int acuteSpanDays,
        int chronicSpanDays,
        int acwrMinDays,
        double minChronicLoad,
        double acwrNormalLow,
        double acwrNormalHigh,
        double acwrSpike,
        double monotonyHigh,
        int weekDays,
        int ewmaHorizonDays) {

    public LoadSettings {
        if (acuteSpanDays < 1 || chronicSpanDays < 1 || weekDays < 1) {
            throw new IllegalArgumentException("spans and weekDays must be at least 1");
        }
        // week-over-week change reads two full weeks, which must lie inside the window the caller passes
        if (ewmaHorizonDays < 2 * weekDays - 1) {
            throw new IllegalArgumentException("ewmaHorizonDays must cover two weeks: " + ewmaHorizonDays);
        }
    }

    public static LoadSettings defaults() {
        return new LoadSettings(7, 28, 28, 1.0, 0.8, 1.3, 1.5, 2.0, 7, 400);
    }

    public double acuteLambda() {
        return 2.0 / (acuteSpanDays + 1);
    }

    public double chronicLambda() {
        return 2.0 / (chronicSpanDays + 1);
    }
}
