package com.liftguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.liftguard.events.model.FindingType;
import com.liftguard.events.model.PlanItem;
import com.liftguard.events.model.RiskFactor;
import com.liftguard.events.model.TriageCategory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codes more than one service speaks are one Java enum and the same enum in the event's JSON Schema. */
class SharedCodesTest {

    private static List<String> schemaEnum(EventType type, String def) {
        List<String> values = new ArrayList<>();
        JsonNode node = SchemaSupport.current(type).at("/$defs/" + def + "/enum");
        node.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @Test
    void riskFactorCodesAreTheSchemasEnum() {
        assertEquals(names(RiskFactor.values()), schemaEnum(EventType.RISK_ASSESSED, "RiskFactorCode"));
    }

    @Test
    void planItemsAreTheSchemasEnum() {
        assertEquals(names(PlanItem.values()), schemaEnum(EventType.RECOVERY_SCHEDULED, "PlanItem"));
    }

    @Test
    void everyFindingHasItsPatternFactorAndEveryTriageAboveSorenessItsFactor() {
        for (FindingType finding : FindingType.values()) {
            RiskFactor pattern = RiskFactor.patternOf(finding);
            assertEquals("PATTERN_" + finding.name(), pattern.name());
            assertEquals(RiskFactor.Kind.PATTERN, pattern.kind());
        }
        for (TriageCategory category : TriageCategory.values()) {
            if (category != TriageCategory.NORMAL_SORENESS) {
                assertEquals(
                        "TRIAGE_" + category.name(),
                        RiskFactor.triageOf(category).name());
            }
        }
    }
}
