package com.liftguard.notifications.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.liftguard.events.Event;
import com.liftguard.events.Topics;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.notifications.domain.WebhookTargetGuard;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A delivery connects to the address the target guard vetted, never to a second lookup of the name: here the
 * name exists only in the guard's (fixed) name table, so a client that resolved it again could not connect.
 */
@QuarkusTest
@TestProfile(WebhookPinnedAddressTest.FixedNames.class)
@WithTestResource(LiftguardTestResource.class)
class WebhookPinnedAddressTest {
    static final String NAME = "receiver.liftguard.test";

    public static class FixedNames implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FixedNameTable.class);
        }
    }

    /** Resolves {@link #NAME} to the loopback address (where the test's receiver listens); nothing else. */
    @Alternative
    @Singleton
    public static class FixedNameTable implements WebhookTargetGuard.Resolver {
        static final List<String> LOOKUPS = new CopyOnWriteArrayList<>();

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            LOOKUPS.add(host);
            if (!NAME.equals(host)) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        }
    }

    private String coach;
    private String athlete;
    private WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        String run = UUID.randomUUID().toString();
        coach = "c-" + run;
        athlete = "a-" + run;
        receiver = new WebhookReceiver();
        FixedNameTable.LOOKUPS.clear();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void theDeliveryGoesToTheVettedAddressWithTheNameInTheRequest() {
        String url = receiver.url().replace("127.0.0.1", NAME) + "?source=liftguard";
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body(Map.of("url", url, "secret", "s3cret-of-sixteen+"))
                .when()
                .put("/v1/coaches/" + coach + "/webhook")
                .then()
                .statusCode(200);
        try (WebhookTestEvents events = new WebhookTestEvents(athlete)) {
            events.roster(coach);
            Event<TriageDecided> emergency = events.triage("s-1", TriageCategory.EMERGENCY);
            events.send(Topics.TRIAGE, emergency);

            WebhookReceiver.Received post = await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(receiver::received, r -> !r.isEmpty())
                    .get(0);
            assertEquals("POST", post.method());
            assertEquals("/hook", post.path());
            assertEquals(NAME + ":" + url.split(":")[2].split("/")[0], post.header("Host"));
            assertEquals(List.of(NAME), FixedNameTable.LOOKUPS, "one lookup, by the guard, for the one attempt");
        }
    }
}
