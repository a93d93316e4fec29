package com.liftguard.ingestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IngestRulesTest {
    /** The fast date-time check agrees with {@link OffsetDateTime#parse} on every shape, valid or not. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-24T18:30:00Z",
                "2026-11-24T18:30:00+01:00",
                "2026-11-24T18:30:00-05:30",
                "2024-02-29T00:00:00Z",
                "2026-02-29T00:00:00Z",
                "2026-04-31T10:00:00+02:00",
                "2026-12-31T23:59:59+18:00",
                "2026-12-31T23:59:59+18:01",
                "2026-12-31T23:59:59-19:00",
                "2026-12-31T24:00:00Z",
                "2026-12-31T23:60:00Z",
                "2026-12-31T23:59:60Z",
                "2026-00-10T10:00:00Z",
                "2026-13-10T10:00:00Z",
                "2026-11-00T10:00:00Z",
                "2026-11-24t18:30:00Z",
                "2026-11-24T18:30:00z",
                "2026-11-24T18:30:00+0100",
                "2026-11-24T18:30+01:00",
                "2026-11-24T18:30:00.5Z",
                "2026-11-24T18:30:00",
                "2026-11-24 18:30:00Z",
                "20x6-11-24T18:30:00Z",
                "2026-11-24T18:30:00+01:60",
                "2026-11-24T18:30:00+01:00:00",
                "2026-11-24T18:30:00-00:00",
                "+12026-11-24T18:30:00Z",
                "",
                "yesterday",
                "2026-11-24T1a:30:00Z",
                "2026-11-24T18:30:0aZ",
                "1900-02-29T00:00:00Z",
                "2000-02-29T00:00:00Z"
            })
    void agreesWithTheFullParser(String text) {
        boolean parses;
        try {
            OffsetDateTime.parse(text);
            parses = true;
        } catch (DateTimeParseException e) {
            parses = false;
        }
        assertEquals(parses, IngestRules.validOffsetDateTime(text), text);
    }

    @Test
    void aTempoIsThreeOrFourPartsOfOneOrTwoDigitsOrX() {
        for (String ok : List.of("3-1-1", "3-0-X-1", "X-0-X", "10-2-1", "0-0-0-0", "99-99-99")) {
            assertTrue(IngestRules.tempo(ok), ok);
        }
        for (String bad : List.of(
                "",
                "3-1",
                "3-1-1-1-1",
                "100-1-1",
                "3--1",
                "-3-1-1",
                "3-1-1-",
                "3:1:1",
                "x-1-1",
                "XX-1-1",
                "3X-1-1",
                "3-1-1 ",
                " 3-1-1",
                "\u0663-1-1",
                "3-1-+1")) {
            assertFalse(IngestRules.tempo(bad), bad);
        }
    }
}
