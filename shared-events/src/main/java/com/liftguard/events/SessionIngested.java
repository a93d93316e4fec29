package com.liftguard.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.liftguard.events.model.LoggedSet;
import com.liftguard.events.model.PainReport;
import com.liftguard.events.model.Wellness;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A training session accepted by ingestion. {@code performedAt} keeps the offset the platform sent:
 * daily load is counted on the calendar date in that offset.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionIngested(
        String sessionId,
        String athleteId,
        OffsetDateTime performedAt,
        int durationMinutes,
        double sessionRpe,
        List<LoggedSet> sets,
        Wellness wellness,
        List<PainReport> painReports,
        Instant receivedAt)
        implements EventData {

    public SessionIngested {
        sets = sets == null ? List.of() : List.copyOf(sets);
        painReports = painReports == null ? List.of() : List.copyOf(painReports);
    }
}
