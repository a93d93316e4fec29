package com.liftguard.notifications;

import com.liftguard.support.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The house rules (layers, a plain-Java domain, time from the Clock) hold for notifications. */
class ArchitectureTest {
    @Test
    void theHouseRulesHold() {
        ServiceArchitecture.assertHolds("com.liftguard.notifications");
    }
}
