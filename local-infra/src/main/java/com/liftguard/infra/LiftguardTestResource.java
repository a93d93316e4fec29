package com.liftguard.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker and a MongoDB wire-protocol server, both shared by
 * every test class of the JVM: a broker per test class would dominate the suite's time. Tests keep
 * apart by using fresh ids, not fresh servers.
 */
public class LiftguardTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KafkaBroker broker = KafkaBroker.shared();
        EmbeddedMongo mongo = EmbeddedMongo.shared();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("quarkus.mongodb.connection-string", mongo.connectionString());
        // Dev Services would try to start containers, and there is no Docker where Liftguard is built
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("quarkus.mongodb.devservices.enabled", "false");
        // the broker runs inside the test JVM, so its logging is the application's logging
        for (String category : QuietLogs.KAFKA) {
            config.put("quarkus.log.category.\"" + category + "\".level", "WARN");
        }
        for (String category : QuietLogs.MONGO) {
            config.put("quarkus.log.category.\"" + category + "\".level", "WARN");
        }
        return config;
    }

    @Override
    public void stop() {
        // shared for the JVM: the shutdown hooks of KafkaBroker and EmbeddedMongo stop them
    }
}
