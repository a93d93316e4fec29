package com.liftguard.planning.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.Reason;
import com.liftguard.events.serde.Json;
import com.liftguard.planning.domain.Adjustment;
import com.liftguard.planning.domain.Cause;
import com.liftguard.planning.domain.GateSession;
import com.liftguard.planning.domain.Plan;
import com.liftguard.planning.domain.PlanState;
import com.liftguard.planning.domain.SpinalSessionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An athlete's plan state, the plan last built, the gate's sessions and the adjustment history, as domain records:
 * the rows and their JSON columns stay in here. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class PlanStore {
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {};
    private static final TypeReference<List<RiskAssessed.Factor>> FACTORS = new TypeReference<>() {};
    private static final TypeReference<Map<Exercise, Double>> E1RM = new TypeReference<>() {};

    /**
     * The athlete's state, their row locked for the rest of the transaction ({@link AthletePlanEntity#findOrCreate});
     * a fresh state, and row, for an athlete planning has not heard of.
     */
    public PlanState lockOrCreate(String tenant, String athleteId) {
        return state(AthletePlanEntity.findOrCreate(tenant, athleteId));
    }

    /** The athlete's state with their row locked, or empty for an unknown athlete. */
    public Optional<PlanState> lock(String tenant, String athleteId) {
        AthletePlanEntity row = AthletePlanEntity.findById(key(tenant, athleteId), LockModeType.PESSIMISTIC_WRITE);
        return Optional.ofNullable(row).map(PlanStore::state);
    }

    /** The athlete's state as stored, or empty for an unknown athlete. */
    public Optional<PlanState> find(String tenant, String athleteId) {
        return Optional.ofNullable(AthletePlanEntity.<AthletePlanEntity>findById(key(tenant, athleteId)))
                .map(PlanStore::state);
    }

    /** Writes the state of an athlete loaded in this transaction (the row is in the persistence context already). */
    public void save(PlanState state) {
        AthletePlanEntity row = loaded(state.tenant(), state.athleteId());
        PlanState.Pause pause = state.pause();
        row.restriction = pause.restriction();
        row.reasonCode = pause.reason() == null ? null : pause.reason().code();
        row.reasonMessage = pause.reason() == null ? null : pause.reason().message();
        row.causeEventId = pause.causeEventId();
        row.since = pause.since();
        row.coachIds = String.join("\n", state.roster().coachIds());
        row.rosterChangedAt = state.roster().changedAt();
        row.basicsReason =
                state.basics() == null ? null : Json.write(state.basics().reason());
        row.basicsSince = state.basics() == null ? null : state.basics().since();
        row.latestTriage = state.triage() == null ? null : state.triage().category();
        row.latestTriageReasons =
                state.triage() == null ? null : Json.write(state.triage().reasons());
        PlanState.Risk risk = state.risk();
        row.riskAsOf = risk == null ? null : risk.asOf();
        row.riskFactors = risk == null ? null : Json.write(risk.factors());
        row.e1rm = risk == null || risk.e1rmKg() == null ? null : Json.write(risk.e1rmKg());
        row.lastHeavyAt = risk == null ? null : risk.lastHeavySpinalAt();
        row.squatBar = state.squatBar() == null ? null : state.squatBar().position();
        row.squatBarAt = state.squatBar() == null ? null : state.squatBar().at();
    }

    /**
     * The plan last built for the athlete, or empty before the first. Read apart from the state: only a rebuild and
     * the read side need it, and it is the largest column.
     */
    public Optional<Plan> lastPlan(String tenant, String athleteId) {
        AthletePlanEntity row = AthletePlanEntity.findById(key(tenant, athleteId));
        return row == null || row.currentPlan == null
                ? Optional.empty()
                : Optional.of(Json.read(row.currentPlan, Plan.class));
    }

    public void savePlan(String tenant, String athleteId, Plan plan) {
        loaded(tenant, athleteId).currentPlan = Json.write(plan);
    }

    /**
     * Applies {@code change} to what the gate holds of a session (an unseen one when there is no row yet) and
     * stores the result, in one read of the row.
     */
    public GateSession changeGateSession(
            String tenant, String athleteId, String sessionId, UnaryOperator<GateSession> change) {
        GateSessionEntity row = GateSessionEntity.findOrCreate(tenant, athleteId, sessionId);
        GateSession next =
                change.apply(new GateSession(sessionId, row.performedAt, row.anyFault, row.maxRpe, row.worstPain));
        row.performedAt = next.performedAt();
        row.anyFault = next.anyFault();
        row.maxRpe = next.maxRpe();
        row.worstPain = next.worstPain();
        return next;
    }

    /** When the session was performed, or null when planning has not seen it. */
    public Instant performedAt(String tenant, String athleteId, String sessionId) {
        GateSessionEntity row = GateSessionEntity.findById(new GateSessionEntity.Key(tenant, athleteId, sessionId));
        return row == null ? null : row.performedAt;
    }

    /** The athlete's last {@code limit} sessions performed after {@code since} (any time when null), newest first. */
    public List<SpinalSessionSummary> gateSessionsAfter(String tenant, String athleteId, Instant since, int limit) {
        return GateSessionEntity.rowsAfter(tenant, athleteId, since, limit).stream()
                .map(g -> new SpinalSessionSummary(
                        g.sessionId(), g.performedAt(), g.worstPain(), Boolean.TRUE.equals(g.anyFault()), g.maxRpe()))
                .toList();
    }

    public void record(Adjustment adjustment) {
        PlanAdjustmentEntity row = new PlanAdjustmentEntity();
        row.id = adjustment.id();
        row.tenant = adjustment.tenant();
        row.athleteId = adjustment.athleteId();
        row.action = adjustment.action();
        row.restriction = adjustment.restriction();
        row.reason = Json.write(adjustment.reason());
        row.causeEventId = adjustment.cause().eventId();
        row.causeType = adjustment.cause().eventType();
        row.madeAt = adjustment.madeAt();
        row.persist();
    }

    public List<Adjustment> adjustmentsNewestFirst(String tenant, String athleteId, int limit) {
        return PlanAdjustmentEntity.newestFirst(tenant, athleteId, limit).stream()
                .map(a -> new Adjustment(
                        a.id,
                        a.tenant,
                        a.athleteId,
                        a.action,
                        a.restriction,
                        Json.read(a.reason, Reason.class),
                        new Cause(a.causeEventId, a.causeType),
                        a.madeAt))
                .toList();
    }

    private static AthletePlanEntity.Key key(String tenant, String athleteId) {
        return new AthletePlanEntity.Key(tenant, athleteId);
    }

    private static AthletePlanEntity loaded(String tenant, String athleteId) {
        AthletePlanEntity row = AthletePlanEntity.findById(key(tenant, athleteId));
        if (row == null) {
            throw new IllegalStateException("no plan row of " + tenant + ":" + athleteId + " was loaded to save");
        }
        return row;
    }

    private static PlanState state(AthletePlanEntity row) {
        Reason pauseReason = row.reasonCode == null && row.reasonMessage == null
                ? null
                : new Reason(row.reasonCode, row.reasonMessage, List.of());
        return new PlanState(
                row.key.tenant(),
                row.key.athleteId(),
                new PlanState.Pause(row.restriction, pauseReason, row.causeEventId, row.since),
                new PlanState.Roster(
                        row.coachIds.isEmpty() ? List.of() : Arrays.asList(row.coachIds.split("\n")),
                        row.rosterChangedAt),
                row.basicsSince == null
                        ? null
                        : new PlanState.Basics(Json.read(row.basicsReason, Reason.class), row.basicsSince),
                row.latestTriage == null
                        ? null
                        : new PlanState.Triage(
                                row.latestTriage,
                                row.latestTriageReasons == null
                                        ? List.of()
                                        : Json.read(row.latestTriageReasons, REASONS)),
                row.riskAsOf == null
                        ? null
                        : new PlanState.Risk(
                                row.riskAsOf,
                                row.riskFactors == null ? List.of() : Json.read(row.riskFactors, FACTORS),
                                row.e1rm == null ? null : Json.read(row.e1rm, E1RM),
                                row.lastHeavyAt),
                row.squatBar == null ? null : new PlanState.SquatBar(row.squatBar, row.squatBarAt));
    }
}
