package com.liftguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void sameFactSameId() {
        assertEquals(EventIds.derive("session", "acme", "s-1"), EventIds.derive("session", "acme", "s-1"));
    }

    @Test
    void partsAreDelimitedUnambiguously() {
        assertNotEquals(EventIds.derive("ab", "c"), EventIds.derive("a", "bc"));
        assertNotEquals(EventIds.derive("a|", "b"), EventIds.derive("a", "|b"));
        assertNotEquals(EventIds.derive("a", ""), EventIds.derive("a"));
    }

    @Test
    void differentFactsDifferentIds() {
        assertNotEquals(EventIds.derive("session", "acme", "s-1"), EventIds.derive("session", "globex", "s-1"));
        assertNotEquals(EventIds.derive("session", "acme", "s-1"), EventIds.derive("check-in", "acme", "s-1"));
    }

    @Test
    void idIsAUuid() {
        String id = EventIds.derive("triage", "e-1", "0");
        assertEquals(id, UUID.fromString(id).toString());
        assertEquals(3, UUID.fromString(id).version(), "name-based");
    }

    @Test
    void idsAreTheNameBasedUuidsOfTheLengthPrefixedParts() {
        // the ids already published stay what they were: UUID.nameUUIDFromBytes of "len:part|..." in UTF-8
        for (String[] parts :
                new String[][] {{"session", "acme", "s-1"}, {"feed-change", "t", "coach-ü", "42"}, {}, {""}}) {
            StringBuilder name = new StringBuilder();
            for (String p : parts) {
                name.append(p.length()).append(':').append(p).append('|');
            }
            assertEquals(
                    UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8))
                            .toString(),
                    EventIds.derive(parts));
        }
    }
}
