package com.liftguard.risk.domain;

/**
 * Thresholds of docs/rules.md section 5.
 *
 * @param reports how many of the most recent sleep reports are averaged (3)
 * @param shortHours a mean below this is short sleep and raises risk (7)
 * @param veryShortHours a mean below this is very short sleep and raises it more (6)
 * @param minReports fewest reports the mean is taken over; with fewer, sleep is not judged (1: a new athlete
 *     reporting 5 h is flagged at once rather than after three nights)
 */
public record SleepSettings(int reports, double shortHours, double veryShortHours, int minReports) {

    public SleepSettings {
        if (reports < 1 || minReports < 1 || minReports > reports) {
            throw new IllegalArgumentException("need 1 <= minReports <= reports");
        }
    }

    public static SleepSettings defaults() {
        return new SleepSettings(3, 7.0, 6.0, 1);
    }
}
