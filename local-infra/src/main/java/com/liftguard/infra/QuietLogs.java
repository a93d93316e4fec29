package com.liftguard.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lowers the broker's and mongo-java-server's log categories to WARN before they start.
 *
 * <p>A Quarkus test starts its test resources before Quarkus applies {@code quarkus.log.*}, so without
 * this a broker start prints about 1,500 INFO lines into every service's test output. Quarkus tests log
 * through JBoss LogManager, which is a {@code java.util.logging} implementation, so setting the level
 * here reaches it without a compile-time dependency. The local run logs through slf4j-simple instead,
 * configured by {@code simplelogger.properties}.
 */
final class QuietLogs {
    /** Broker-side categories; {@code state.change.logger} sits outside both packages. */
    static final List<String> KAFKA = List.of("kafka", "org.apache.kafka", "state.change.logger");

    static final List<String> MONGO = List.of("de.bwaldvogel.mongo");

    // java.util.logging keeps loggers weakly: without a strong reference the level could be lost
    private static final List<Logger> HELD = new ArrayList<>();

    static synchronized void warnOnly(List<String> categories) {
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            // someone who configured a level on purpose (to debug the broker) keeps it
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
                HELD.add(logger);
            }
        }
    }

    private QuietLogs() {}
}
