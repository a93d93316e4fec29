package com.liftguard.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What operators rely on in every service: readiness that checks the real dependencies (the broker, the
 * service's own store, the messaging channels), liveness, and Prometheus metrics with the Kafka clients'
 * figures. A service's {@code OperationsTest} is a {@code @QuarkusTest} that extends this and names its store.
 */
public abstract class OperationsContract {

    /** A word the readiness check of the service's store has in its name ("Database", "MongoDB"). */
    protected abstract String storeCheck();

    @Test
    void readinessChecksTheBrokerTheStoreAndTheChannels() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.name", hasItem(containsString(storeCheck())))
                .body("checks.name", hasItem(containsString("Reactive Messaging")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200);
    }

    @Test
    void metricsArePrometheusTextWithTheKafkaClientsFigures() {
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("kafka_consumer_"));
    }
}
