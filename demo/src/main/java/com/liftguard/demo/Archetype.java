package com.liftguard.demo;

/** The kinds of athlete the simulator streams, each meant to trigger one thing in Liftguard (docs/rules.md). */
public enum Archetype {
    HEALTHY(
            "healthy progression",
            "3-4 sessions a week, slowly rising loads, RPE 6-8, good sleep, now and then normal soreness"),
    GOOD_MORNING_SQUATTER(
            "good-morning squatter",
            "2+ squat sets a session tagged GOOD_MORNING_SQUAT or with >= 15 deg torso lean, back-limited sets: technique pattern, return to basics"),
    LOAD_SPIKER(
            "load spiker",
            "steady weeks, then a last week of daily sessions at double volume: ACWR > 1.5 (after 28 days of history), monotony > 2"),
    TOO_CLOSE(
            "too-close heavy sessions",
            "heavy deadlifts and squats < 48 h apart at RPE >= 8, an RPE 10 single followed by a heavy session < 72 h later: recovery scheduling"),
    SHORT_SLEEPER(
            "short sleeper",
            "sleeps 5-6.5 h (3-report mean under 7 h, often under 6 h): sleep first, no load increase"),
    RED_FLAG(
            "red-flag reporter",
            "back pain that turns into a SEE_CLINICIAN report and then an EMERGENCY (worsening leg weakness or saddle numbness) near the end");

    /** Which archetype athlete number i (0-based) gets: every archetype shows up from 7 athletes on, healthy most often. */
    private static final Archetype[] CYCLE = {
        HEALTHY,
        GOOD_MORNING_SQUATTER,
        LOAD_SPIKER,
        TOO_CLOSE,
        HEALTHY,
        SHORT_SLEEPER,
        RED_FLAG,
        HEALTHY,
        GOOD_MORNING_SQUATTER,
        LOAD_SPIKER
    };

    private final String label;
    private final String signal;

    Archetype(String label, String signal) {
        this.label = label;
        this.signal = signal;
    }

    public String label() {
        return label;
    }

    public String signal() {
        return signal;
    }

    public static Archetype forAthlete(int index) {
        return CYCLE[index % CYCLE.length];
    }
}
