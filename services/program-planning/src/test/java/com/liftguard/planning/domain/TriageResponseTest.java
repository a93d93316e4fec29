package com.liftguard.planning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.liftguard.events.model.PlanItem;
import com.liftguard.events.model.TriageCategory;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriageResponseTest {
    private final TriageResponse response = new TriageResponse();

    @Test
    void anEmergencyPausesAllTrainingAndSeeClinicianPausesSpinalLoading() {
        assertEquals(
                Optional.of(Restriction.PAUSE_ALL_TRAINING),
                response.respond(Restriction.NONE, TriageCategory.EMERGENCY));
        assertEquals(
                Optional.of(Restriction.PAUSE_SPINAL_LOADING),
                response.respond(Restriction.NONE, TriageCategory.SEE_CLINICIAN));
        assertEquals(
                List.of(
                        PlanItem.BACK_SQUAT,
                        PlanItem.FRONT_SQUAT,
                        PlanItem.DEADLIFT,
                        PlanItem.ROMANIAN_DEADLIFT,
                        PlanItem.GOOD_MORNING),
                Restriction.PAUSE_SPINAL_LOADING.paused());
    }

    @Test
    void aMilderDecisionNeverWeakensAPause() {
        assertEquals(Optional.empty(), response.respond(Restriction.PAUSE_ALL_TRAINING, TriageCategory.SEE_CLINICIAN));
        assertEquals(
                Optional.empty(), response.respond(Restriction.PAUSE_ALL_TRAINING, TriageCategory.NORMAL_SORENESS));
        assertEquals(
                Optional.empty(), response.respond(Restriction.PAUSE_SPINAL_LOADING, TriageCategory.MODIFY_TRAINING));
        assertEquals(
                Optional.of(Restriction.PAUSE_ALL_TRAINING),
                response.respond(Restriction.PAUSE_SPINAL_LOADING, TriageCategory.EMERGENCY));
    }

    @Test
    void modifyTrainingAndSorenessPauseNothing() {
        assertEquals(Optional.empty(), response.respond(Restriction.NONE, TriageCategory.MODIFY_TRAINING));
        assertEquals(Optional.empty(), response.respond(Restriction.NONE, TriageCategory.NORMAL_SORENESS));
    }

    @Test
    void onlyACoachOfTheAthleteClearsAndOnlyAPause() {
        assertEquals(Optional.empty(), response.refuseClearance(Restriction.PAUSE_ALL_TRAINING, true));
        assertEquals(
                Optional.of(TriageResponse.Refusal.NOT_A_COACH),
                response.refuseClearance(Restriction.PAUSE_ALL_TRAINING, false));
        assertEquals(
                Optional.of(TriageResponse.Refusal.NOT_A_COACH), response.refuseClearance(Restriction.NONE, false));
        assertEquals(
                Optional.of(TriageResponse.Refusal.NOTHING_TO_CLEAR), response.refuseClearance(Restriction.NONE, true));
    }
}
