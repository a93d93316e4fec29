package com.liftguard.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.risk.domain.SleepCheck.SleepReport;
import com.liftguard.risk.domain.SleepCheck.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SleepCheckTest {

    private static final Instant T0 = Instant.parse("2024-05-01T07:00:00Z");
    private final SleepCheck check = new SleepCheck(SleepSettings.defaults());

    /** Reports one day apart, the first given the most recent. */
    private static List<SleepReport> reports(double... hours) {
        List<SleepReport> out = new ArrayList<>();
        for (int i = 0; i < hours.length; i++) {
            out.add(new SleepReport(T0.minusSeconds(86_400L * i), hours[i]));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "8, 7, 7, ENOUGH",
        "7, 7, 7, ENOUGH",
        "6.5, 7, 7.5, ENOUGH",
        "7, 7, 6.9, SHORT",
        "6, 6, 6, SHORT",
        "5.5, 6, 6.5, SHORT",
        "6, 6, 5.9, VERY_SHORT",
        "4, 5, 6, VERY_SHORT"
    })
    void meanOfTheLastThreeReports(double a, double b, double c, Status status) {
        SleepCheck.Result r = check.assess(reports(a, b, c));
        assertEquals(status, r.status());
        assertEquals((a + b + c) / 3, r.meanHours(), 1e-12);
        assertEquals(3, r.reportsUsed());
        assertEquals(status == Status.SHORT || status == Status.VERY_SHORT, r.raisesRisk());
    }

    @Test
    void shortAndVeryShortSleepGiveReasons() {
        SleepCheck.Result shortSleep = check.assess(reports(6, 7, 6.5));
        assertEquals("SHORT_SLEEP", shortSleep.reason().code());
        assertEquals(List.of("wellness.sleepHours"), shortSleep.reason().fields());
        assertTrue(
                shortSleep.reason().message().startsWith("Mean sleep of 6.5 h over the last 3 reports, below 7.0 h"),
                shortSleep.reason().message());
        assertEquals("VERY_SHORT_SLEEP", check.assess(reports(5, 5, 5)).reason().code());
        assertNull(check.assess(reports(8, 8, 8)).reason());
    }

    @Test
    void onlyTheThreeMostRecentReportsCountWhateverTheOrder() {
        List<SleepReport> r = new ArrayList<>(reports(8, 8, 8, 3, 3));
        Collections.reverse(r);
        SleepCheck.Result result = check.assess(r);
        assertEquals(Status.ENOUGH, result.status());
        assertEquals(8.0, result.meanHours());
    }

    @Test
    void withFewerThanThreeReportsTheMeanIsOfThoseThereAre() {
        SleepCheck.Result one = check.assess(reports(5));
        assertEquals(Status.VERY_SHORT, one.status());
        assertEquals(1, one.reportsUsed());
        assertTrue(
                one.reason().message().contains("over the last 1 report,"),
                one.reason().message());
        SleepCheck.Result two = check.assess(reports(6, 7.5));
        assertEquals(Status.SHORT, two.status());
        assertEquals(6.75, two.meanHours());
    }

    @Test
    void withNoReportsSleepIsNotJudged() {
        SleepCheck.Result none = check.assess(List.of());
        assertEquals(Status.NOT_JUDGED, none.status());
        assertNull(none.meanHours());
        assertFalse(none.raisesRisk());
    }

    @Test
    void aTenantMayRequireAllThreeReports() {
        SleepCheck strict = new SleepCheck(new SleepSettings(3, 7, 6, 3));
        assertEquals(Status.NOT_JUDGED, strict.assess(reports(4, 4)).status());
        assertEquals(Status.VERY_SHORT, strict.assess(reports(4, 4, 4)).status());
    }
}
