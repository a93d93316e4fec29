package com.liftguard.notifications.service;

import com.liftguard.events.Event;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.TriageDecided;
import com.liftguard.notifications.domain.AthleteSeries;
import com.liftguard.notifications.domain.RosterEntry;
import com.liftguard.notifications.persistence.AthleteSeriesStore;
import com.liftguard.notifications.persistence.RosterStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What the coach's page charts: each athlete's figures per day and triage decisions, recorded from the events a
 * poll at a time, and read for a coach who follows the athlete.
 */
@ApplicationScoped
public class AthleteCharts {
    @Inject
    AthleteSeriesStore series;

    @Inject
    RosterStore rosters;

    @Inject
    Clock clock;

    /**
     * The athlete's chart over {@code from}..{@code to} (both included).
     *
     * @param athlete the athlete's roster entry, for the name
     */
    public record Chart(
            RosterEntry athlete,
            LocalDate from,
            LocalDate to,
            List<AthleteSeries.Day> days,
            List<AthleteSeries.Triage> triage) {}

    /** The day of each assessment; of two assessments of the same day, the later one in the list wins. */
    public void recordDays(List<Event<RiskAssessed>> assessments) {
        series.recordDays(assessments);
    }

    /** One point per triage decision. */
    public void recordTriage(List<Event<TriageDecided>> decisions) {
        series.recordTriage(decisions);
    }

    /** The athletes the coach follows, by display name. */
    public List<RosterEntry> followedBy(String tenant, String coachId) {
        return rosters.followedBy(tenant, coachId);
    }

    /**
     * The last {@code days} days up to the athlete's latest figures (up to today before any); empty when the coach
     * does not follow the athlete.
     */
    public Optional<Chart> chart(String tenant, String coachId, String athleteId, int days) {
        Optional<RosterEntry> roster =
                rosters.find(tenant, athleteId).filter(r -> r.coachIds().contains(coachId));
        if (roster.isEmpty()) {
            return Optional.empty();
        }
        LocalDate to = series.latestDay(tenant, athleteId)
                .orElseGet(() -> LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        LocalDate from = to.minusDays(days - 1L);
        List<AthleteSeries.Triage> triage = series.triage(
                tenant,
                athleteId,
                from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return Optional.of(new Chart(roster.get(), from, to, series.days(tenant, athleteId, from, to), triage));
    }
}
