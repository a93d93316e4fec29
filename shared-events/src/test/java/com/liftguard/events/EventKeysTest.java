package com.liftguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EventKeysTest {

    @Test
    void keyIsTenantColonAthlete() {
        assertEquals("acme:a1", EventKeys.of("acme", "a1"));
        assertEquals("acme", EventKeys.tenantOf("acme:a1"));
    }

    @Test
    void athleteIdsMayContainAColon() {
        String key = EventKeys.of("acme", "team:a1");
        assertEquals("acme:team:a1", key);
        assertEquals("acme", EventKeys.tenantOf(key));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ac:me", ":acme", "acme:"})
    void tenantMustBeNonEmptyWithoutColon(String tenant) {
        assertThrows(IllegalArgumentException.class, () -> EventKeys.of(tenant, "a1"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void athleteMustBeNonEmpty(String athleteId) {
        assertThrows(IllegalArgumentException.class, () -> EventKeys.of("acme", athleteId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", ":a1", ""})
    void tenantOfRejectsWhatIsNoKey(String key) {
        assertThrows(IllegalArgumentException.class, () -> EventKeys.tenantOf(key));
    }

    @Test
    void eventOfKeysTheSubject() {
        Event<? extends EventData> event = EventSamples.full(EventType.ROSTER_CHANGED);
        assertEquals(EventKeys.of(EventSamples.TENANT, event.data().athleteId()), event.subject());
        assertEquals(event.subject(), event.key());
        assertEquals(EventSamples.TENANT, EventKeys.tenantOf(event.key()));
    }
}
