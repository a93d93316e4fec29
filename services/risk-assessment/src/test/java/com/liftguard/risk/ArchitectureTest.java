package com.liftguard.risk;

import com.liftguard.support.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The house rules (layers, plain-Java rules, time from the Clock) hold for risk-assessment. */
class ArchitectureTest {
    @Test
    void theHouseRulesHold() {
        ServiceArchitecture.assertHolds("com.liftguard.risk");
    }
}
