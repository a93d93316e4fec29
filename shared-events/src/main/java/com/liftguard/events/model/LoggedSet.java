package com.liftguard.events.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One logged set, as accepted by ingestion. {@code rpe} and {@code rir} are exclusive; either may be null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoggedSet(
        Exercise exercise,
        Variant variant,
        int reps,
        double loadKg,
        Double rpe,
        Integer rir,
        String tempo,
        Boolean belt,
        LimitingFactor limitingFactor,
        List<TechniqueFault> faults,
        SetMetrics metrics) {

    public LoggedSet {
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /** The effort as RPE, from RPE or from RIR (RPE = 10 - RIR), or null when neither was logged. */
    public Double effectiveRpe() {
        if (rpe != null) {
            return rpe;
        }
        return rir == null ? null : 10.0 - rir;
    }
}
