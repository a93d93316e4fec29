package com.liftguard.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.Reason;
import java.time.Instant;
import java.util.List;

/** A change to the athlete's prescription per exercise, with the reason that caused it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoadAdjusted(
        String athleteId,
        List<Prescription> prescriptions,
        Double spinalVolumeChangePct,
        Reason reason,
        String causeEventId,
        Instant adjustedAt)
        implements EventData {

    public LoadAdjusted {
        prescriptions = prescriptions == null ? List.of() : List.copyOf(prescriptions);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Prescription(
            Exercise exercise,
            String sets,
            String reps,
            String tempo,
            Double loadKg,
            Double percentOfE1rm,
            boolean mayIncreaseLoad) {}
}
