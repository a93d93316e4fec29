package com.liftguard.risk.domain;

import com.liftguard.events.model.Reason;
import com.liftguard.events.model.RiskFactor;
import com.liftguard.risk.domain.HeavySessions.HeavySession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recovery between heavy spinal sessions (docs/rules.md sections 4 and 6): two heavy spinal sessions less than 48 h
 * apart are too close, or less than 72 h when the earlier one had a max-effort set (RPE 10 or RIR 0). Exactly
 * 48 h (72 h) is enough.
 *
 * <p>Each heavy session is compared with the one just before it. Nothing is missed that way: if a session is
 * too close to any later one, it is too close to the next one, which is nearer still.
 */
public final class SpacingCheck {

    /**
     * Two heavy spinal sessions with too little recovery between them.
     *
     * @param hoursBetween hours from the earlier to the later, fractional
     * @param minimumHours the recovery the earlier one needed (48, or 72 after a max effort)
     */
    public record TooClose(
            HeavySession earlier, HeavySession later, double hoursBetween, int minimumHours, Reason reason) {}

    private final RecoverySettings settings;

    public SpacingCheck(RecoverySettings settings) {
        this.settings = settings;
    }

    /** How far back before a new heavy session the caller must pass heavy sessions for it to be checked. */
    public Duration lookback() {
        return Duration.ofHours(Math.max(settings.minHoursBetweenHeavy(), settings.minHoursAfterMaxEffort()));
    }

    /** Every adjacent pair, in time order, with too little recovery; the input may come in any order. */
    public List<TooClose> tooClose(Collection<HeavySession> heavySessions) {
        List<HeavySession> sorted = heavySessions.stream()
                .sorted(Comparator.comparing(HeavySession::performedAt))
                .toList();
        List<TooClose> found = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            HeavySession earlier = sorted.get(i - 1);
            HeavySession later = sorted.get(i);
            int minimum = earlier.maxEffort() ? settings.minHoursAfterMaxEffort() : settings.minHoursBetweenHeavy();
            Duration gap = Duration.between(earlier.performedAt(), later.performedAt());
            if (gap.compareTo(Duration.ofHours(minimum)) < 0) {
                double hours = gap.toMillis() / 3_600_000.0;
                found.add(new TooClose(earlier, later, hours, minimum, reason(earlier, gap, minimum)));
            }
        }
        return List.copyOf(found);
    }

    /**
     * The earliest instant the next heavy spinal session may take place: {@code nextHeavyMinHours} (72) after the
     * most recent heavy one; empty when there is none.
     */
    public Optional<Instant> earliestNextHeavy(Collection<HeavySession> heavySessions) {
        return heavySessions.stream()
                .map(HeavySession::performedAt)
                .max(Comparator.naturalOrder())
                .map(last -> last.plus(Duration.ofHours(settings.nextHeavyMinHours())));
    }

    private static Reason reason(HeavySession earlier, Duration gap, int minimum) {
        String why = earlier.maxEffort() ? " after a session with a set at RPE 10 / RIR 0" : "";
        // whole minutes, rounded down, so a gap just short of the minimum never reads as the minimum itself
        long minutes = gap.toMinutes();
        String apart =
                minutes / 60 + " h" + (minutes % 60 == 0 ? "" : String.format(Locale.ROOT, " %02d min", minutes % 60));
        return new Reason(
                RiskFactor.HEAVY_SESSIONS_TOO_CLOSE.name(),
                "Two heavy spinal-loading sessions " + apart + " apart: less " + "than the " + minimum
                        + " h of recovery needed" + why + ".",
                List.of("performedAt", "exercise", "loadKg", "rpe", "rir"));
    }
}
