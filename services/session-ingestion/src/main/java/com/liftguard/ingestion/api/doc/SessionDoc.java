package com.liftguard.ingestion.api.doc;

import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.LimitingFactor;
import com.liftguard.events.model.PainOnset;
import com.liftguard.events.model.PainQuality;
import com.liftguard.events.model.PainRegion;
import com.liftguard.events.model.PainSide;
import com.liftguard.events.model.PainTrend;
import com.liftguard.events.model.TechniqueFault;
import com.liftguard.events.model.Variant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The request bodies as OpenAPI documents them. Requests are read as JSON trees and checked by
 * {@code IngestValidator} (so that every error is reported at its pointer); these records only describe
 * the contract of docs/api.md for /q/openapi and must be kept in step with the validator.
 */
public final class SessionDoc {
    private SessionDoc() {}

    @Schema(name = "Session", description = "One training session. Unknown fields are rejected.")
    public record Session(
            @Schema(
                    required = true,
                    minLength = 1,
                    maxLength = 128,
                    description = "The platform's id; the idempotency key within the tenant")
            String sessionId,

            @Schema(required = true, minLength = 1, maxLength = 128)
            String athleteId,

            @Schema(
                    required = true,
                    description = "ISO-8601 with an offset; daily load uses its date in that offset",
                    example = "2026-11-23T18:30:00+01:00")
            OffsetDateTime performedAt,

            @Schema(required = true, minimum = "1", maximum = "600")
            int durationMinutes,

            @Schema(required = true, minimum = "0", maximum = "10", description = "CR-10 session RPE")
            double sessionRpe,

            @Schema(maxItems = 200) List<LoggedSet> sets,
            Wellness wellness,
            @Schema(maxItems = 10) List<PainReport> painReports) {}

    @Schema(name = "CheckIn", description = "A stand-alone check-in. Unknown fields are rejected.")
    public record CheckIn(
            @Schema(required = true, minLength = 1, maxLength = 128, description = "The idempotency key")
            String checkInId,

            @Schema(required = true, minLength = 1, maxLength = 128)
            String athleteId,

            @Schema(required = true, example = "2026-11-24T07:00:00+01:00")
            OffsetDateTime reportedAt,

            Wellness wellness,
            @Schema(maxItems = 10) List<PainReport> painReports) {}

    @Schema(name = "LoggedSet")
    public record LoggedSet(
            @Schema(required = true) Exercise exercise,

            @Schema(description = "HIGH_BAR/LOW_BAR for squats; CONVENTIONAL/SUMO/TRAP_BAR for deadlifts")
            Variant variant,

            @Schema(required = true, minimum = "1", maximum = "100")
            int reps,

            @Schema(required = true, minimum = "0", maximum = "600")
            double loadKg,

            @Schema(minimum = "1", maximum = "10", multipleOf = 0.5, description = "give rpe or rir, not both")
            Double rpe,

            @Schema(minimum = "0", maximum = "10", description = "reps in reserve; RPE = 10 - RIR")
            Integer rir,

            @Schema(pattern = "^([0-9]{1,2}|X)(-([0-9]{1,2}|X)){2,3}$", example = "3-1-1")
            String tempo,

            Boolean belt,
            LimitingFactor limitingFactor,
            @Schema(uniqueItems = true) List<TechniqueFault> faults,
            Metrics metrics) {}

    @Schema(name = "SetMetrics")
    public record Metrics(
            @Schema(minimum = "-90", maximum = "90", description = "forward lean added during the ascent, degrees")
            Double torsoLeanChangeDeg,

            @Schema(minimum = "0", maximum = "5", description = "m/s")
            Double meanConcentricVelocity) {}

    @Schema(name = "Wellness")
    public record Wellness(
            @Schema(minimum = "0", maximum = "24") Double sleepHours,
            @Schema(minimum = "1", maximum = "5") Integer sleepQuality,
            @Schema(minimum = "1", maximum = "5") Integer stress) {}

    @Schema(name = "PainReport", description = "Flags default to false.")
    public record PainReport(
            @Schema(required = true) PainRegion region,
            @Schema(required = true) PainSide side,
            @Schema(required = true) PainQuality quality,

            @Schema(required = true, minimum = "0", maximum = "10")
            int intensity,

            @Schema(required = true) PainOnset onset,

            @Schema(required = true, minimum = "0", maximum = "2000")
            int hoursSinceOnset,

            @Schema(required = true) PainTrend trend,
            boolean radiatesBelowKnee,
            boolean numbnessOrTingling,
            boolean legWeakness,
            boolean saddleNumbness,
            boolean bladderOrBowelChange,
            boolean worseAtNightOrRest,
            boolean fever,
            boolean followingTrauma,
            boolean unexplainedWeightLoss) {}

    @Schema(name = "RosterEntry")
    public record Roster(
            @Schema(required = true, minLength = 1, maxLength = 200)
            String displayName,

            @Schema(
                    required = true,
                    maxItems = 100,
                    uniqueItems = true,
                    description = "the coaches who follow the athlete")
            List<String> coachIds) {}
}
