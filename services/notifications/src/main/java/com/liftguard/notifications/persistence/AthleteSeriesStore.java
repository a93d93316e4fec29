package com.liftguard.notifications.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

import com.liftguard.events.Event;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.notifications.domain.AthleteSeries.Day;
import com.liftguard.notifications.domain.AthleteSeries.Triage;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * What the coach's page charts per athlete: the load figures and risk level of each day (collection
 * {@code athlete_days}, the latest assessment of a day wins) and the triage decisions over time
 * ({@code athlete_triage}, one per decision). Both are written by replay-safe upserts keyed by what they are.
 */
@ApplicationScoped
public class AthleteSeriesStore {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

    @Inject
    NotificationsDatabase db;

    /**
     * The day of each assessment, in one ordered bulk write: of two assessments of the same day, the later
     * one in the list wins, as it would written one by one. Assessments without a date or figures are skipped.
     */
    public void recordDays(List<Event<RiskAssessed>> assessments) {
        List<WriteModel<Document>> writes = new ArrayList<>(assessments.size());
        for (Event<RiskAssessed> event : assessments) {
            RiskAssessed risk = event.data();
            if (risk.asOf() == null || risk.load() == null) {
                continue;
            }
            RiskAssessed.Load load = risk.load();
            Document day = new Document("_id", event.tenant() + ":" + risk.athleteId() + ":" + risk.asOf())
                    .append("tenant", event.tenant())
                    .append("athleteId", risk.athleteId())
                    .append("date", risk.asOf().toString())
                    .append("dailyLoad", load.dailyLoad())
                    .append("acuteLoad", load.acuteLoad())
                    .append("chronicLoad", load.chronicLoad())
                    .append("acwr", load.acwr())
                    .append("riskLevel", risk.level().name())
                    .append("assessedAt", Documents.date(risk.assessedAt()));
            writes.add(new ReplaceOneModel<>(eq("_id", day.get("_id")), day, UPSERT));
        }
        if (!writes.isEmpty()) {
            db.athleteDays().bulkWrite(writes, ORDERED);
        }
    }

    /** One point per triage decision (keyed by the decision's event), in one bulk write. */
    public void recordTriage(List<Event<TriageDecided>> decisions) {
        List<WriteModel<Document>> writes = new ArrayList<>(decisions.size());
        for (Event<TriageDecided> event : decisions) {
            TriageDecided t = event.data();
            Document doc = new Document("_id", event.tenant() + ":" + event.id())
                    .append("tenant", event.tenant())
                    .append("athleteId", t.athleteId())
                    .append("at", Documents.date(t.decidedAt() != null ? t.decidedAt() : event.time()))
                    .append("category", t.category().name());
            writes.add(new ReplaceOneModel<>(eq("_id", doc.get("_id")), doc, UPSERT));
        }
        if (!writes.isEmpty()) {
            db.athleteTriage().bulkWrite(writes, ORDERED);
        }
    }

    /** The athlete's latest day with figures. */
    public Optional<LocalDate> latestDay(String tenant, String athleteId) {
        return Optional.ofNullable(db.athleteDays()
                        .find(and(eq("tenant", tenant), eq("athleteId", athleteId)))
                        .sort(Sorts.descending("date"))
                        .limit(1)
                        .first())
                .map(d -> LocalDate.parse(d.getString("date")));
    }

    /** Days from {@code from} to {@code to}, oldest first (ISO dates sort as text). */
    public List<Day> days(String tenant, String athleteId, LocalDate from, LocalDate to) {
        return db.athleteDays()
                .find(and(
                        eq("tenant", tenant),
                        eq("athleteId", athleteId),
                        gte("date", from.toString()),
                        lte("date", to.toString())))
                .sort(Sorts.ascending("date"))
                .map(d -> new Day(
                        LocalDate.parse(d.getString("date")),
                        number(d, "dailyLoad"),
                        number(d, "acuteLoad"),
                        number(d, "chronicLoad"),
                        d.get("acwr") == null ? null : number(d, "acwr"),
                        d.getString("riskLevel")))
                .into(new ArrayList<>());
    }

    public List<Triage> triage(String tenant, String athleteId, Instant from, Instant to) {
        return db.athleteTriage()
                .find(and(
                        eq("tenant", tenant),
                        eq("athleteId", athleteId),
                        gte("at", Documents.date(from)),
                        lte("at", Documents.date(to))))
                .sort(Sorts.ascending("at"))
                .map(d -> new Triage(Documents.instant(d, "at"), TriageCategory.valueOf(d.getString("category"))))
                .into(new ArrayList<>());
    }

    private static double number(Document d, String field) {
        return ((Number) d.get(field)).doubleValue();
    }
}
