package com.liftguard.notifications.config;

import com.liftguard.notifications.domain.CoachingGuidance;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code liftguard.notifications.*}: every figure this service uses, defaults from docs/rules.md. */
@ConfigMapping(prefix = "liftguard.notifications")
public interface NotificationsConfig {

    /**
     * How far back a coach newly added to an athlete's roster (or a roster that arrives after the
     * athlete's events) receives the athlete's notifications, counted from when this service received them.
     */
    @WithDefault("P14D")
    Duration recentWindow();

    /**
     * A notification about the same athlete for the same reason as an unacknowledged one of this window is
     * folded into it (its repeat count grows) instead of adding another item; PT0S turns this off.
     * Urgent items are never folded.
     */
    @WithDefault("PT12H")
    Duration collapseWindow();

    /**
     * The live stream polls MongoDB this often for changes other instances made; changes made by its own
     * instance wake it at once.
     */
    @WithDefault("PT0.25S")
    Duration streamPollInterval();

    /** A gap in a coach's sequence (a write still in flight elsewhere) is waited for this long before it is skipped. */
    @WithDefault("PT2S")
    Duration streamGapWait();

    /** A comment line keeps idle streams open through proxies. */
    @WithDefault("PT15S")
    Duration streamKeepAlive();

    /** Publishing of NotificationCreated to {@code liftguard.notifications.v1} (for gym platforms). */
    Publishing publishing();

    interface Publishing {
        /** Most outbox entries sent (and acknowledged) at a time. */
        @WithDefault("500")
        int batchSize();

        /** The relay runs after each entry this instance adds, and at this interval for what others left. */
        @WithDefault("PT2S")
        Duration pollInterval();

        /** How long the broker may take to acknowledge a batch before the relay tries again. */
        @WithDefault("PT10S")
        Duration sendTimeout();

        /**
         * How long a published entry is remembered, so that a roster change that sends the athlete's recent
         * events to every coach again does not publish them again (longer than the recent window).
         */
        @WithDefault("P30D")
        Duration publishedRetention();
    }

    Guidance guidance();

    /** docs/rules.md section 6, as quoted in recommended actions. */
    interface Guidance {
        @WithDefault("3-4")
        String squatSets();

        @WithDefault("6-8")
        String squatReps();

        @WithDefault("3-1-1")
        String squatTempo();

        @WithDefault("4-6")
        String deadliftReps();

        @WithDefault("70-80")
        String deadliftPercentOfE1rm();

        @WithDefault("3")
        int gateSessions();

        @WithDefault("8")
        double gateMaxRpe();

        @WithDefault("2.5-5")
        String loadIncreasePercent();

        @WithDefault("72")
        int sorenessWindowHours();

        @WithDefault("168")
        int sorenessMaxHours();

        @WithDefault("7")
        double sleepHours();

        @WithDefault("72")
        int heavySpacingHours();

        @WithDefault("20-30")
        String spinalVolumeCutPercent();

        default CoachingGuidance toDomain() {
            return new CoachingGuidance(
                    squatSets(),
                    squatReps(),
                    squatTempo(),
                    deadliftReps(),
                    deadliftPercentOfE1rm(),
                    gateSessions(),
                    gateMaxRpe(),
                    loadIncreasePercent(),
                    sorenessWindowHours(),
                    sorenessMaxHours(),
                    sleepHours(),
                    heavySpacingHours(),
                    spinalVolumeCutPercent());
        }
    }
}
