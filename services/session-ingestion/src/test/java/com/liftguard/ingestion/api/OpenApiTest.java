package com.liftguard.ingestion.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import com.liftguard.infra.LiftguardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** /q/openapi documents docs/api.md's ingestion contract. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class OpenApiTest {

    @Test
    void theDocumentDescribesTheIngestionContract() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/v1/sessions'.post.requestBody.content.'application/json'.schema.items.'$ref'",
                        equalTo("#/components/schemas/Session"))
                .body("paths.'/v1/sessions'.post.responses.keySet()", hasItems("202", "400", "401", "413", "503"))
                .body("paths.'/v1/check-ins'.post.requestBody.content.'application/json'.schema.maxItems", equalTo(500))
                .body("paths.'/v1/athletes/{athleteId}'.put", notNullValue())
                .body(
                        "components.schemas.Session.required",
                        hasItems("sessionId", "athleteId", "performedAt", "durationMinutes", "sessionRpe"))
                .body("components.schemas.LoggedSet.properties.reps.maximum", equalTo(100))
                .body("components.schemas.PainRegion.enum", hasItems("LOWER_BACK", "KNEE"))
                .body("components.securitySchemes.apiKey.name", equalTo("X-Api-Key"));
    }

    @Test
    void swaggerUiIsServedOnlyInTheLocalProfile() {
        given().when().get("/q/swagger-ui").then().statusCode(404);
    }
}
