package com.liftguard.risk.domain;

/**
 * How {@link RiskLevelPolicy} weighs load and recovery factors (ACWR spike, high monotony, heavy sessions too
 * close, short sleep).
 *
 * @param loadWeightForHigh load/recovery weight at which the level is HIGH (2)
 * @param shortSleepWeight weight of short sleep (1)
 * @param veryShortSleepWeight weight of very short sleep (2: it alone makes the level HIGH)
 * @param patternWithLoadIsHigh whether a technique pattern together with any load/recovery factor is HIGH (true)
 */
public record RiskLevelSettings(
        int loadWeightForHigh, int shortSleepWeight, int veryShortSleepWeight, boolean patternWithLoadIsHigh) {

    public static RiskLevelSettings defaults() {
        return new RiskLevelSettings(2, 1, 2, true);
    }
}
