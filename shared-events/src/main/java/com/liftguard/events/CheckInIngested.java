package com.liftguard.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.liftguard.events.model.PainReport;
import com.liftguard.events.model.Wellness;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A stand-alone check-in (wellness and pain between sessions) accepted by ingestion. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckInIngested(
        String checkInId,
        String athleteId,
        OffsetDateTime reportedAt,
        Wellness wellness,
        List<PainReport> painReports,
        Instant receivedAt)
        implements EventData {

    public CheckInIngested {
        painReports = painReports == null ? List.of() : List.copyOf(painReports);
    }
}
