package com.liftguard.infra;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the repository's API reference (docs/api.md) in step with what a service serves: every operation of
 * the service's OpenAPI document ({@code /q/openapi}) is named in the reference as {@code METHOD /path}, with the
 * path parameters as the OpenAPI document names them. A service's {@code ApiReferenceTest} is a
 * {@code @QuarkusTest} that extends this.
 */
public abstract class ApiReferenceContract {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** Paths the reference need not name (framework endpoints and the like); none by default. */
    protected Set<String> undocumentedPaths() {
        return Set.of();
    }

    @Test
    void everyOperationTheServiceServesIsInTheApiReference() throws IOException {
        String reference = Files.readString(reference());
        Map<String, Map<String, Object>> paths = given().accept("application/json")
                .get("/q/openapi?format=json")
                .jsonPath()
                .getMap("paths");
        assertTrue(paths != null && !paths.isEmpty(), "the service serves no OpenAPI paths");
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (undocumentedPaths().contains(path)) {
                return;
            }
            for (String method : operations.keySet()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                String operation = method.toUpperCase(Locale.ROOT) + " " + path;
                Pattern named = Pattern.compile(Pattern.quote(operation) + "(?![\\w/{-])");
                if (!named.matcher(reference).find()) {
                    missing.add(operation);
                }
            }
        });
        assertTrue(missing.isEmpty(), () -> "docs/api.md does not name: " + missing);
    }

    /** docs/api.md of the repository the test runs in (Maven runs a module's tests in the module's folder). */
    static Path reference() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("api.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docs/api.md above " + Path.of("").toAbsolutePath());
    }
}
