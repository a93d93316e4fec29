package com.liftguard.ingestion.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.liftguard.infra.LiftguardTestResource;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With no broker to acknowledge, nothing is accepted and nothing is kept. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
@TestProfile(KafkaDownTest.NoBroker.class)
class KafkaDownTest {
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // port 9 (discard) has no broker; the ingest consumers just keep reconnecting
            return Map.of(
                    "kafka.bootstrap.servers",
                    "127.0.0.1:9",
                    "liftguard.ingestion.publish-timeout",
                    "PT1S",
                    "quarkus.mongodb.database",
                    "ingestion-kafka-down");
        }
    }

    @Inject
    MongoClient mongo;

    @Test
    void aBatchThatCannotReachKafkaIs503WithRetryAfterAndLeavesNothingBehind() {
        String athlete = "a-" + UUID.randomUUID();
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("""
                        [{"sessionId":"down-1","athleteId":"%s","performedAt":"2026-11-20T18:30:00Z",
                          "durationMinutes":45,"sessionRpe":6}]""".formatted(athlete))
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(503)
                .header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("status", equalTo(503));
        // neither the receipt nor the batch's open marker stays
        assertEquals(
                0,
                mongo.getDatabase("ingestion-kafka-down")
                        .getCollection("sessions_received")
                        .countDocuments(Filters.eq("ids", "acme:down-1")));
        assertEquals(
                0,
                mongo.getDatabase("ingestion-kafka-down")
                        .getCollection("ingest_batches")
                        .countDocuments());
    }
}
