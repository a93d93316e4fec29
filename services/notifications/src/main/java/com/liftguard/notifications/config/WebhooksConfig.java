package com.liftguard.notifications.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code liftguard.webhooks.*}: how coaches' webhooks are called, retried and guarded. */
@ConfigMapping(prefix = "liftguard.webhooks")
public interface WebhooksConfig {

    /** Attempts of one delivery, the first included; after the last failure it is dead-lettered. */
    @WithDefault("8")
    int maxAttempts();

    /** The wait after the first failure; it doubles with every further failure, up to {@link #maxBackoff()}. */
    @WithDefault("PT1S")
    Duration initialBackoff();

    @WithDefault("PT10M")
    Duration maxBackoff();

    /** For connecting and for the whole answer of one POST. */
    @WithDefault("PT5S")
    Duration timeout();

    /**
     * How often due deliveries are looked for; Quarkus' scheduler runs jobs at most once a second, so less
     * than PT1S acts as PT1S. {@code messaging/WebhookDispatcher}'s schedule reads the same key (with the same
     * default) as a property expression.
     */
    @WithDefault("PT1S")
    Duration dispatchInterval();

    /** Deliveries claimed (and sent concurrently) per dispatcher run. */
    @WithDefault("50")
    int batchSize();

    /**
     * How long the record of a delivery made is kept; MongoDB then removes it (a TTL index on its
     * {@code expireAt}; mongo-java-server, without TTL indexes, keeps it).
     */
    @WithDefault("P7D")
    Duration deliveredRetention();

    /** How long the record of a delivery given up (DEAD, the dead letter with its last error) is kept. */
    @WithDefault("P30D")
    Duration deadRetention();

    /**
     * Whether webhook URLs may point at loopback, private, link-local and similar addresses. Only the local
     * and test profiles set it: elsewhere it would let any tenant make this service call into its own network.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();
}
