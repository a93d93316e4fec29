package com.liftguard.planning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.model.TriageCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadGateTest {
    private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

    private final LoadGate gate = new LoadGate(PlanSettings.defaults());

    /** Session {@code n}, performed n days after T0. */
    private static SpinalSessionSummary clean(int n) {
        return new SpinalSessionSummary("s" + n, T0.plusSeconds(86_400L * n), null, false, 7.5);
    }

    private static List<SpinalSessionSummary> cleanSessions(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(LoadGateTest::clean).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void fewerThanThreeCleanSessionsKeepTheGateClosed(int count) {
        GateStatus status = gate.evaluate(cleanSessions(count));
        assertEquals(count, status.consecutiveCleanSessions());
        assertEquals(3, status.required());
        assertFalse(status.open());
        assertEquals(PlanCodes.LOAD_GATE_NOT_MET, status.reason().code());
    }

    @Test
    void threeCleanSessionsOpenTheGate() {
        GateStatus status = gate.evaluate(cleanSessions(3));
        assertEquals(3, status.consecutiveCleanSessions());
        assertTrue(status.open());
        assertEquals(PlanCodes.LOAD_GATE_MET, status.reason().code());
    }

    @Test
    void noSessionsAtAllIsClosed() {
        assertEquals(GateStatus.noSessions(3), gate.evaluate(null));
        assertEquals(0, gate.evaluate(List.of()).consecutiveCleanSessions());
    }

    @Test
    void aFaultInTheLatestSessionResetsTheRun() {
        List<SpinalSessionSummary> sessions = new ArrayList<>(cleanSessions(3));
        sessions.add(new SpinalSessionSummary("s4", T0.plusSeconds(86_400L * 4), null, true, 7.0));
        GateStatus status = gate.evaluate(sessions);
        assertEquals(0, status.consecutiveCleanSessions());
        assertFalse(status.open());
        assertTrue(status.reason().message().contains("s4"), status.reason().message());
        assertTrue(
                status.reason().message().contains("technique fault"),
                status.reason().message());
    }

    @Test
    void onlyTheSessionsAfterTheLastUncleanOneCount() {
        List<SpinalSessionSummary> sessions = new ArrayList<>(cleanSessions(5));
        sessions.set(2, new SpinalSessionSummary("s3", T0.plusSeconds(86_400L * 3), null, true, 7.0));
        assertEquals(2, gate.evaluate(sessions).consecutiveCleanSessions());
    }

    @Test
    void painAboveNormalSorenessResetsButSorenessDoesNot() {
        List<SpinalSessionSummary> sore = new ArrayList<>(cleanSessions(2));
        sore.add(new SpinalSessionSummary(
                "s3", T0.plusSeconds(86_400L * 3), TriageCategory.NORMAL_SORENESS, false, 8.0));
        assertTrue(gate.evaluate(sore).open());

        List<SpinalSessionSummary> modify = new ArrayList<>(cleanSessions(3));
        modify.add(new SpinalSessionSummary(
                "s4", T0.plusSeconds(86_400L * 4), TriageCategory.MODIFY_TRAINING, false, 7.0));
        GateStatus status = gate.evaluate(modify);
        assertEquals(0, status.consecutiveCleanSessions());
        assertTrue(
                status.reason().message().contains("MODIFY_TRAINING"),
                status.reason().message());
    }

    @Test
    void rpeEightCountsAndEightAndAHalfResets() {
        List<SpinalSessionSummary> sessions = new ArrayList<>(cleanSessions(3));
        sessions.add(new SpinalSessionSummary("s4", T0.plusSeconds(86_400L * 4), null, false, 8.0));
        assertEquals(4, gate.evaluate(sessions).consecutiveCleanSessions());

        sessions.add(new SpinalSessionSummary("s5", T0.plusSeconds(86_400L * 5), null, false, 8.5));
        GateStatus status = gate.evaluate(sessions);
        assertEquals(0, status.consecutiveCleanSessions());
        assertTrue(
                status.reason().message().contains("RPE 8.5"), status.reason().message());
    }

    @Test
    void aSessionWithNoRpeLoggedIsNotCleanByDefault() {
        List<SpinalSessionSummary> sessions = new ArrayList<>(cleanSessions(3));
        sessions.add(new SpinalSessionSummary("s4", T0.plusSeconds(86_400L * 4), null, false, null));
        GateStatus status = gate.evaluate(sessions);
        assertEquals(0, status.consecutiveCleanSessions());
        assertTrue(
                status.reason().message().contains("without a logged RPE"),
                status.reason().message());
    }

    @Test
    void aTenantMayCountUnloggedRpeAsClean() {
        PlanSettings d = PlanSettings.defaults();
        PlanSettings.Gate lenient = new PlanSettings.Gate(3, TriageCategory.NORMAL_SORENESS, 8.0, false, 2.5, 5.0);
        LoadGate lenientGate = new LoadGate(new PlanSettings(d.basics(), d.recovery(), lenient, 2.5, d.doses()));
        List<SpinalSessionSummary> sessions = List.of(
                new SpinalSessionSummary("a", T0, null, false, null),
                new SpinalSessionSummary("b", T0.plusSeconds(86_400), null, false, null),
                new SpinalSessionSummary("c", T0.plusSeconds(172_800), null, false, 7.0));
        assertTrue(lenientGate.evaluate(sessions).open());
    }

    @Test
    void theOrderTheSessionsComeInDoesNotMatter() {
        List<SpinalSessionSummary> sessions = new ArrayList<>(cleanSessions(4));
        sessions.set(0, new SpinalSessionSummary("s1", T0.plusSeconds(86_400), null, true, 7.0));
        GateStatus inOrder = gate.evaluate(sessions);
        List<SpinalSessionSummary> shuffled = new ArrayList<>(sessions);
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 0, 2);
        assertEquals(inOrder, gate.evaluate(shuffled));
        assertEquals(3, inOrder.consecutiveCleanSessions());
        assertTrue(inOrder.open());
    }

    @Test
    void aSessionGivenTwiceCountsOnce() {
        List<SpinalSessionSummary> sessions = new ArrayList<>(cleanSessions(2));
        sessions.add(clean(2));
        assertEquals(2, gate.evaluate(sessions).consecutiveCleanSessions());
    }
}
