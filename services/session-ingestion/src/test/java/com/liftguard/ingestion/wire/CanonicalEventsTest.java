package com.liftguard.ingestion.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.liftguard.events.CheckInIngested;
import com.liftguard.events.Event;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.Topics;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.events.serde.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hot-path writer gives byte for byte the event the record path gives, for every shape of item. */
class CanonicalEventsTest {
    private static final ObjectMapper JSON = Json.mapper();
    private static final Instant RECEIVED = Instant.parse("2026-11-26T10:15:30.123Z");

    @ParameterizedTest
    @ValueSource(
            strings = {
                // minimal: no sets, no wellness, no pain
                "{'sessionId':'s1','athleteId':'a1','performedAt':'2026-11-20T18:30:00+01:00','durationMinutes':1,'sessionRpe':0,'sets':[]}",
                // every optional field, integers where decimals are allowed, fractional seconds, Z offset
                "{'sessionId':'s2','athleteId':'a1','performedAt':'2026-11-20T18:30:05.250Z','durationMinutes':65,'sessionRpe':7.5,"
                        + "'wellness':{'sleepHours':6,'sleepQuality':3,'stress':4},"
                        + "'sets':[{'exercise':'BACK_SQUAT','variant':'LOW_BAR','reps':5,'loadKg':120,'rpe':8.5,'tempo':'3-1-1','belt':true,"
                        + "'limitingFactor':'LOWER_BACK','faults':['GOOD_MORNING_SQUAT','LOST_BRACE'],'metrics':{'torsoLeanChangeDeg':17,'meanConcentricVelocity':0.42}},"
                        + "{'exercise':'DEADLIFT','reps':3,'loadKg':160.5,'rir':0,'belt':false,'metrics':{}}],"
                        + "'painReports':[{'region':'LOWER_BACK','side':'LEFT','quality':'SHARP','intensity':7,'onset':'DURING_SET',"
                        + "'hoursSinceOnset':2,'trend':'WORSENING','legWeakness':true,'saddleNumbness':false,'fever':true}]}",
                // explicit nulls on optional fields are left out, like absent ones
                "{'sessionId':'s3','athleteId':'a2','performedAt':'2026-01-02T00:00:00-05:30','durationMinutes':600,'sessionRpe':10,"
                        + "'wellness':{'sleepHours':null,'sleepQuality':5,'stress':null},'painReports':null,"
                        + "'sets':[{'exercise':'OTHER','variant':null,'reps':100,'loadKg':0,'rpe':null,'rir':null,'tempo':null,"
                        + "'limitingFactor':null,'faults':null,'metrics':null}]}",
                // shapes the writer must normalise: no seconds, a zero offset written out, a lower-case t
                "{'sessionId':'s5','athleteId':'a3','performedAt':'2026-11-20T18:30+01:00','durationMinutes':30,'sessionRpe':3,'sets':[]}",
                "{'sessionId':'s6','athleteId':'a3','performedAt':'2026-11-20T18:30:00+00:00','durationMinutes':30,'sessionRpe':3,'sets':[]}",
                "{'sessionId':'s7','athleteId':'a3','performedAt':'2026-11-20T18:30:00-00:00','durationMinutes':30,'sessionRpe':3,'sets':[]}",
                "{'sessionId':'s8','athleteId':'a3','performedAt':'2026-11-20t18:30:00Z','durationMinutes':30,'sessionRpe':3,'sets':[]}",
                "{'sessionId':'s9','athleteId':'a3','performedAt':'2026-11-20T18:30:00.000+02:00','durationMinutes':30,'sessionRpe':3,'sets':[]}",
                // whole and negative decimals, a decimal written with a fraction of zero, one written as an exponent
                "{'sessionId':'s10','athleteId':'a3','performedAt':'2026-11-20T18:30:00Z','durationMinutes':30,'sessionRpe':10.0,"
                        + "'wellness':{'sleepHours':0},'sets':[{'exercise':'DEADLIFT','reps':1,'loadKg':600,'rpe':9.5,"
                        + "'metrics':{'torsoLeanChangeDeg':-12,'meanConcentricVelocity':0}},{'exercise':'DEADLIFT','reps':1,'loadKg':2.5e2,'rpe':10}]}",
                // the wellness object itself null
                "{'sessionId':'s4','athleteId':'a3','performedAt':'2026-11-20T07:00:00.000000001+14:00','durationMinutes':30,'sessionRpe':3.25,'sets':[],'wellness':null}"
            })
    void sessionsMatchTheRecordPath(String item) throws Exception {
        JsonNode node = JSON.readTree(item.replace('\'', '"'));
        assertEquals(
                List.of(),
                new IngestValidator().validateSessions(JSON.createArrayNode().add(node)),
                "valid sample");

        CanonicalEvents.Prepared fast = CanonicalEvents.session("acme", node, RECEIVED);
        Event<SessionIngested> slow = IngestEvents.session("acme", node, RECEIVED);

        assertEquals(EventCodec.encode(slow), fast.jsonText());
        assertEquals(slow.id(), fast.eventId());
        assertEquals(slow.key(), fast.key());
        assertEquals(slow.type(), fast.ceType());
        assertEquals(Topics.SESSIONS, fast.topic());
        assertEquals(slow, EventCodec.decode(fast.jsonText(), SessionIngested.class));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{'checkInId':'c1','athleteId':'a1','reportedAt':'2026-11-21T08:00:00+01:00'}",
                "{'checkInId':'c2','athleteId':'a1','reportedAt':'2026-11-21T08:00:00Z','wellness':{'sleepHours':5.5},"
                        + "'painReports':[{'region':'HIP','side':'BILATERAL','quality':'DULL','intensity':0,'onset':'NEXT_DAY',"
                        + "'hoursSinceOnset':2000,'trend':'IMPROVING','bladderOrBowelChange':true}]}",
                "{'checkInId':'c3','athleteId':'a1','reportedAt':'2026-11-21T08:00:00Z','wellness':null,'painReports':[]}"
            })
    void checkInsMatchTheRecordPath(String item) throws Exception {
        JsonNode node = JSON.readTree(item.replace('\'', '"'));
        assertEquals(
                List.of(),
                new IngestValidator().validateCheckIns(JSON.createArrayNode().add(node)),
                "valid sample");

        CanonicalEvents.Prepared fast = CanonicalEvents.checkIn("globex", node, RECEIVED);
        Event<CheckInIngested> slow = IngestEvents.checkIn("globex", node, RECEIVED);

        assertEquals(EventCodec.encode(slow), fast.jsonText());
        assertEquals(slow.id(), fast.eventId());
        assertEquals(Topics.CHECK_INS, fast.topic());
        assertEquals(slow, EventCodec.decode(fast.jsonText(), CheckInIngested.class));
    }
}
