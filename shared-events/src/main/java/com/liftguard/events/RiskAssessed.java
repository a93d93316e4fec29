package com.liftguard.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.liftguard.events.model.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The athlete's risk level after an event, with every factor behind it and its figures. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskAssessed(
        String athleteId,
        RiskLevel level,
        List<Factor> factors,
        String sourceId,
        Instant assessedAt) implements EventData {

    public RiskAssessed {
        factors = factors == null ? List.of() : List.copyOf(factors);
    }

    /** One reason the level is what it is; figures are the raw numbers, always shown beside any ratio. */
    public record Factor(String code, String message, Map<String, Double> figures) {
        public Factor {
            // a figure RULES.md reports as null (ACWR before 28 days, monotony with no variation) is left out
            Map<String, Double> known = new java.util.LinkedHashMap<>();
            if (figures != null) {
                figures.forEach((k, v) -> {
                    if (v != null && Double.isFinite(v)) {
                        known.put(k, v);
                    }
                });
            }
            figures = java.util.Collections.unmodifiableMap(known);
        }
    }
}
