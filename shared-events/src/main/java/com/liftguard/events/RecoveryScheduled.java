package com.liftguard.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.liftguard.events.model.PlanItem;
import com.liftguard.events.model.Reason;
import java.time.Instant;
import java.util.List;

/**
 * A change to what the athlete may do: a pause (all training, or spinal loading) until a coach clears
 * it, recovery spacing before the next heavy spinal session, a deload, or a clearance lifting a pause.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecoveryScheduled(
        String athleteId,
        Action action,
        List<PlanItem> restrictions,
        boolean untilCleared,
        Instant earliestNextHeavySpinal,
        Reason reason,
        String causeEventId,
        Instant scheduledAt)
        implements EventData {

    public enum Action {
        PAUSE_ALL_TRAINING,
        PAUSE_SPINAL_LOADING,
        SPACE_HEAVY_SESSIONS,
        DELOAD_WEEK,
        CLEARED
    }

    public RecoveryScheduled {
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
    }
}
