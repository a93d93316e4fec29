package com.liftguard.risk.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * Training-load figures of docs/rules.md section 4, as a pure function of a bounded window of daily loads.
 *
 * <p>EWMA(d) = lambda x load(d) + (1 - lambda) x EWMA(d - 1), with EWMA = 0 on the day before the athlete's
 * first session. The caller passes the daily loads of [asOf - {@link LoadSettings#ewmaHorizonDays()}, asOf]
 * ({@link #windowStart}); days absent from the map, days before the first session and days outside the window
 * count as 0, so the figures depend only on which day holds which load, never on the map's order or type.
 *
 * <p>When the first session is older than the window, the EWMA starts at the window's first day from 0. What
 * is dropped is (1 - lambda)^(horizon + 1) x EWMA(windowStart - 1), so the error is below
 * (1 - lambda)^horizon x the largest daily load: with the default 400 days and the chronic lambda 2/29 that
 * factor is about 4e-13, far below any figure shown. The cost of one call is O(horizon), whatever the history.
 *
 * <p>ACWR boundary: it is reported from the day on which {@code acwrMinDays} (28) whole days have passed since
 * the first session, i.e. from asOf = first session + 28 days; at first session + 27 days it is null.
 */
public final class LoadCalculator {

    private final LoadSettings settings;

    public LoadCalculator(LoadSettings settings) {
        this.settings = settings;
    }

    /** First day whose load the caller must pass for {@code asOf}. */
    public LocalDate windowStart(LocalDate asOf) {
        return asOf.minusDays(settings.ewmaHorizonDays());
    }

    /**
     * @param dailyLoads daily load by calendar day for the window; absent days are 0
     * @param firstSessionDate the day of the athlete's first session ever
     * @param asOf the day to compute the figures for, its own load included
     */
    public LoadFigures figures(Map<LocalDate, Double> dailyLoads, LocalDate firstSessionDate, LocalDate asOf) {
        Objects.requireNonNull(dailyLoads, "dailyLoads");
        Objects.requireNonNull(firstSessionDate, "firstSessionDate");
        Loads loads = new Loads(dailyLoads, firstSessionDate, windowStart(asOf), asOf);

        double acute = 0;
        double chronic = 0;
        double la = settings.acuteLambda();
        double lc = settings.chronicLambda();
        LocalDate start = firstSessionDate.isAfter(loads.windowStart) ? firstSessionDate : loads.windowStart;
        for (LocalDate d = start; !d.isAfter(asOf); d = d.plusDays(1)) {
            double load = loads.on(d);
            acute = la * load + (1 - la) * acute;
            chronic = lc * load + (1 - lc) * chronic;
        }

        boolean longEnough = ChronoUnit.DAYS.between(firstSessionDate, asOf) >= settings.acwrMinDays();
        Double acwr = longEnough && chronic >= settings.minChronicLoad() ? acute / chronic : null;

        int week = settings.weekDays();
        double[] lastWeek = new double[week];
        double weekly = 0;
        double previous = 0;
        for (int i = 0; i < week; i++) {
            lastWeek[i] = loads.on(asOf.minusDays(i));
            weekly += lastWeek[i];
            previous += loads.on(asOf.minusDays(week + i));
        }
        Double change = previous == 0 ? null : (weekly - previous) / previous * 100;
        Double monotony = monotony(lastWeek);
        Double strain = monotony == null ? null : weekly * monotony;
        return new LoadFigures(
                asOf,
                acute,
                chronic,
                acwr,
                status(acwr),
                weekly,
                previous,
                change,
                monotony,
                strain,
                monotonyHigh(monotony));
    }

    /** Classifies an ACWR against the thresholds; null for a null ratio (not yet meaningful). */
    public AcwrStatus status(Double acwr) {
        if (acwr == null) {
            return null;
        }
        if (acwr > settings.acwrSpike()) {
            return AcwrStatus.SPIKE;
        }
        if (acwr > settings.acwrNormalHigh()) {
            return AcwrStatus.HIGH;
        }
        return acwr < settings.acwrNormalLow() ? AcwrStatus.LOW : AcwrStatus.NORMAL;
    }

    /** Whether a monotony is above the threshold; false for null. */
    public boolean monotonyHigh(Double monotony) {
        return monotony != null && monotony > settings.monotonyHigh();
    }

    private static Double monotony(double[] days) {
        // equal loads have no deviation; testing equality avoids dividing by a rounding residue
        boolean allEqual = true;
        double sum = 0;
        for (double d : days) {
            allEqual &= d == days[0];
            sum += d;
        }
        if (allEqual) {
            return null;
        }
        double mean = sum / days.length;
        double squares = 0;
        for (double d : days) {
            squares += (d - mean) * (d - mean);
        }
        return mean / Math.sqrt(squares / days.length);
    }

    /** The daily load on any day, 0 outside [max(first session, window start), asOf] and on absent days. */
    private record Loads(Map<LocalDate, Double> daily, LocalDate firstSession, LocalDate windowStart, LocalDate asOf) {
        double on(LocalDate d) {
            if (d.isBefore(firstSession) || d.isBefore(windowStart) || d.isAfter(asOf)) {
                return 0;
            }
            Double load = daily.get(d);
            return load == null ? 0 : load;
        }
    }
}
