package com.liftguard.risk.domain;

import java.time.LocalDate;

/**
 * An athlete's training-load figures as of one day (docs/rules.md section 4). Raw numbers always travel with the
 * ratios built from them.
 *
 * @param asOf the day the figures are for, its own load included
 * @param acuteLoad acute EWMA of daily load
 * @param chronicLoad chronic EWMA of daily load
 * @param acwr acute / chronic; null before {@link LoadSettings#acwrMinDays()} days have passed since the first
 *     session, or while chronic load is below {@link LoadSettings#minChronicLoad()}
 * @param acwrStatus classification of {@code acwr}; null when {@code acwr} is null
 * @param weeklyLoad sum of the daily loads of the last 7 days, asOf included
 * @param previousWeekLoad sum of the 7 days before those
 * @param weekOverWeekChangePct (weekly - previous) / previous x 100; null when the previous week is 0
 * @param monotony mean / population standard deviation of the last 7 daily loads, zeros included; null when
 *     the deviation is 0
 * @param strain weeklyLoad x monotony; null when monotony is null
 * @param monotonyHigh whether monotony is above {@link LoadSettings#monotonyHigh()}
 */
public record LoadFigures(
        LocalDate asOf,
        double acuteLoad,
        double chronicLoad,
        Double acwr,
        AcwrStatus acwrStatus,
        double weeklyLoad,
        double previousWeekLoad,
        Double weekOverWeekChangePct,
        Double monotony,
        Double strain,
        boolean monotonyHigh) {

    public boolean acwrSpike() {
        return acwrStatus == AcwrStatus.SPIKE;
    }
}
