package com.liftguard.notifications.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.infra.LiftguardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code PUT/GET/DELETE /v1/coaches/{coachId}/webhook}: validation, the stored shape, tenants. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class WebhookResourceTest {
    private static final String ACME = "acme-key";
    private static final String GLOBEX = "globex-key";
    private static final String SECRET = "s3cret-of-sixteen+";
    private static final String URL = "https://hooks.example.com/liftguard";

    private String coach;

    @BeforeEach
    void setUp() {
        coach = "c-" + UUID.randomUUID();
    }

    private ValidatableResponse put(String key, String coachId, Object body) {
        return given().header("X-Api-Key", key)
                .contentType("application/json")
                .body(body)
                .when()
                .put("/v1/coaches/" + coachId + "/webhook")
                .then();
    }

    private ValidatableResponse get(String key, String coachId) {
        return given().header("X-Api-Key", key)
                .when()
                .get("/v1/coaches/" + coachId + "/webhook")
                .then();
    }

    private ValidatableResponse delete(String key, String coachId) {
        return given().header("X-Api-Key", key)
                .when()
                .delete("/v1/coaches/" + coachId + "/webhook")
                .then();
    }

    @Test
    void putStoresTheWebhookAndAnswersItWithoutTheSecret() {
        String updatedAt = put(ACME, coach, Map.of("url", URL, "secret", SECRET))
                .statusCode(200)
                .contentType("application/json")
                .body("coachId", equalTo(coach))
                .body("url", equalTo(URL))
                .body("updatedAt", notNullValue())
                .body("$", not(hasKey("secret")))
                .extract()
                .path("updatedAt");
        assertFalse(Instant.parse(updatedAt).isAfter(Instant.now()));

        Map<String, Object> stored =
                get(ACME, coach).statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(Map.of("coachId", coach, "url", URL, "updatedAt", updatedAt), stored);

        // a second PUT replaces the first
        String other = "http://hooks.example.com:8443/v2?coach=" + coach;
        String replacedAt = put(ACME, coach, Map.of("url", other, "secret", "another-secret-0123456789"))
                .statusCode(200)
                .body("url", equalTo(other))
                .extract()
                .path("updatedAt");
        assertFalse(Instant.parse(replacedAt).isBefore(Instant.parse(updatedAt)));
        get(ACME, coach).statusCode(200).body("url", equalTo(other)).body("updatedAt", equalTo(replacedAt));
    }

    @Test
    void deleteRemovesItAndThenThereIsNone() {
        get(ACME, coach).statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        delete(ACME, coach).statusCode(404).contentType("application/problem+json");

        put(ACME, coach, Map.of("url", URL, "secret", SECRET)).statusCode(200);
        delete(ACME, coach).statusCode(204);
        get(ACME, coach).statusCode(404);
        delete(ACME, coach).statusCode(404);
    }

    @Test
    void anotherTenantNeitherSeesNorChangesIt() {
        put(ACME, coach, Map.of("url", URL, "secret", SECRET)).statusCode(200);

        get(GLOBEX, coach).statusCode(404).contentType("application/problem+json");
        delete(GLOBEX, coach).statusCode(404);
        get(ACME, coach).statusCode(200).body("url", equalTo(URL));

        // the same coach id in globex is another coach, with a webhook of their own
        String globexUrl = "https://globex.example.com/hook";
        put(GLOBEX, coach, Map.of("url", globexUrl, "secret", SECRET)).statusCode(200);
        get(GLOBEX, coach).statusCode(200).body("url", equalTo(globexUrl));
        get(ACME, coach).statusCode(200).body("url", equalTo(URL));
        delete(GLOBEX, coach).statusCode(204);
        get(ACME, coach).statusCode(200).body("url", equalTo(URL));
    }

    @Test
    void missingFieldsAreAllReported() {
        put(ACME, coach, Map.of())
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.pointer", containsInAnyOrder("/url", "/secret"))
                .body("errors.message", containsInAnyOrder("is required", "is required"));
        put(ACME, coach, "{\"url\":null,\"secret\":null}")
                .statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/url", "/secret"));
        get(ACME, coach).statusCode(404);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceWithItsPointer() {
        put(ACME, coach, Map.of("url", "ftp://hooks.example.com/", "secret", "too-short", "events", List.of("x")))
                .statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/url", "/secret", "/events"))
                .body("errors.find { it.pointer == '/url' }.message", equalTo("must be an absolute http or https URL"))
                .body(
                        "errors.find { it.pointer == '/secret' }.message",
                        equalTo("must be between 16 and 256 characters"))
                .body("errors.find { it.pointer == '/events' }.message", equalTo("is not a known field"));
        put(ACME, coach, "{\"url\":5,\"secret\":true}")
                .statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/url", "/secret"))
                .body("errors.message", containsInAnyOrder("must be a string", "must be a string"));
        put(ACME, coach, "{\"url\":\"" + URL + "\",\"secret\":\"" + SECRET + "\",\"a/b\":1}")
                .statusCode(400)
                .body("errors.pointer", equalTo(List.of("/a~1b")));
        get(ACME, coach).statusCode(404);
    }

    @Test
    void urlsMustBeAbsoluteHttpOrHttpsAndAtMost2000Characters() {
        for (String url : List.of(
                "/relative",
                "hooks.example.com/hook",
                "mailto:coach@example.com",
                "file:///etc/passwd",
                "https://",
                "http://exa mple.com/",
                "javascript:alert(1)",
                "")) {
            put(ACME, coach, Map.of("url", url, "secret", SECRET))
                    .statusCode(400)
                    .body("errors.pointer", equalTo(List.of("/url")));
        }
        put(ACME, coach, Map.of("url", "http://user:pw@hooks.example.com/", "secret", SECRET))
                .statusCode(400)
                .body("errors.pointer", equalTo(List.of("/url")));

        String base = "https://hooks.example.com/";
        String longest = base + "a".repeat(2000 - base.length());
        put(ACME, coach, Map.of("url", longest + "a", "secret", SECRET))
                .statusCode(400)
                .body("errors.pointer", equalTo(List.of("/url")))
                .body("errors[0].message", equalTo("must be at most 2000 characters"));
        put(ACME, coach, Map.of("url", longest, "secret", SECRET)).statusCode(200);
        put(ACME, coach, Map.of("url", "HTTP://hooks.example.com/", "secret", SECRET))
                .statusCode(200);
    }

    @Test
    void secretsAreSixteenTo256Characters() {
        put(ACME, coach, Map.of("url", URL, "secret", "x".repeat(15)))
                .statusCode(400)
                .body("errors.pointer", equalTo(List.of("/secret")));
        put(ACME, coach, Map.of("url", URL, "secret", "x".repeat(257)))
                .statusCode(400)
                .body("errors.pointer", equalTo(List.of("/secret")));
        put(ACME, coach, Map.of("url", URL, "secret", "x".repeat(16))).statusCode(200);
        put(ACME, coach, Map.of("url", URL, "secret", "x".repeat(256))).statusCode(200);
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        put(ACME, coach, "[]").statusCode(400).body("errors.pointer", equalTo(List.of("")));
        put(ACME, coach, "\"" + URL + "\"").statusCode(400).body("errors.pointer", equalTo(List.of("")));
        put(ACME, coach, "{not json").statusCode(400).contentType("application/problem+json");
        get(ACME, coach).statusCode(404);
    }

    @Test
    void aKeyIsRequired() {
        given().contentType("application/json")
                .body(Map.of("url", URL, "secret", SECRET))
                .when()
                .put("/v1/coaches/" + coach + "/webhook")
                .then()
                .statusCode(401);
        given().when().get("/v1/coaches/" + coach + "/webhook").then().statusCode(401);
        given().header("X-Api-Key", "nope")
                .when()
                .delete("/v1/coaches/" + coach + "/webhook")
                .then()
                .statusCode(401);
    }

    @Test
    void theWebhookIsDocumented() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/v1/coaches/{coachId}/webhook"))
                .body("paths.'/v1/coaches/{coachId}/webhook'", hasKey("put"))
                .body("paths.'/v1/coaches/{coachId}/webhook'", hasKey("get"))
                .body("paths.'/v1/coaches/{coachId}/webhook'", hasKey("delete"));
        String doc = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .extract()
                .asString();
        assertTrue(doc.contains("Liftguard-Signature"));
    }
}
