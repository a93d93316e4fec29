package com.liftguard.risk.domain;

import com.liftguard.events.model.Reason;
import com.liftguard.events.model.RiskFactor;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Sleep (docs/rules.md section 5): the mean {@code sleepHours} of the athlete's last 3 reports below 7 h is short sleep
 * and raises risk; below 6 h is very short and raises it more. Exactly 7 h is enough; exactly 6 h is short.
 *
 * <p>With fewer than 3 reports the mean is taken over those there are (at least {@link SleepSettings#minReports()},
 * default 1): a new athlete who reports 5 h is flagged at once instead of after three nights, because missing a
 * recovery problem costs more than flagging one early. With no reports sleep is not judged.
 */
public final class SleepCheck {

    /** One sleep report, from a session's or a check-in's wellness. */
    public record SleepReport(Instant reportedAt, double sleepHours) {}

    public enum Status {
        NOT_JUDGED,
        ENOUGH,
        SHORT,
        VERY_SHORT
    }

    /**
     * @param meanHours the mean over {@code reportsUsed} reports; null when not judged
     * @param reason why sleep raises risk; null for NOT_JUDGED and ENOUGH
     */
    public record Result(Status status, Double meanHours, int reportsUsed, Reason reason) {
        public boolean raisesRisk() {
            return factor() != null;
        }

        /** The risk factor this sleep is; null for NOT_JUDGED and ENOUGH. */
        public RiskFactor factor() {
            return switch (status) {
                case SHORT -> RiskFactor.SHORT_SLEEP;
                case VERY_SHORT -> RiskFactor.VERY_SHORT_SLEEP;
                case NOT_JUDGED, ENOUGH -> null;
            };
        }
    }

    private final SleepSettings settings;

    public SleepCheck(SleepSettings settings) {
        this.settings = settings;
    }

    /** Pass at least the last 3 reports; older ones are ignored, and the order does not matter. */
    public Result assess(Collection<SleepReport> reports) {
        List<SleepReport> last = reports.stream()
                .sorted(Comparator.comparing(SleepReport::reportedAt).reversed())
                .limit(settings.reports())
                .toList();
        if (last.size() < settings.minReports()) {
            return new Result(Status.NOT_JUDGED, null, last.size(), null);
        }
        double mean = last.stream().mapToDouble(SleepReport::sleepHours).sum() / last.size();
        if (mean < settings.veryShortHours()) {
            return new Result(
                    Status.VERY_SHORT,
                    mean,
                    last.size(),
                    reason(
                            RiskFactor.VERY_SHORT_SLEEP,
                            mean,
                            last.size(),
                            "below " + hours(settings.veryShortHours()) + ": very short sleep raises risk more"));
        }
        if (mean < settings.shortHours()) {
            return new Result(
                    Status.SHORT,
                    mean,
                    last.size(),
                    reason(
                            RiskFactor.SHORT_SLEEP,
                            mean,
                            last.size(),
                            "below " + hours(settings.shortHours()) + ": short sleep raises risk"));
        }
        return new Result(Status.ENOUGH, mean, last.size(), null);
    }

    private static Reason reason(RiskFactor factor, double mean, int n, String why) {
        return new Reason(
                factor.name(),
                "Mean sleep of " + hours(mean) + " over the last " + n + (n == 1 ? " report" : " reports") + ", " + why
                        + ". Sleep first: no load increase until it is back.",
                List.of("wellness.sleepHours"));
    }

    private static String hours(double h) {
        return String.format(Locale.ROOT, "%.1f h", h);
    }
}
