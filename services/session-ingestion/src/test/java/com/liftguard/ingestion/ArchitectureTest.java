package com.liftguard.ingestion;

import com.liftguard.support.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The house rules (layers, plain-Java domain, time from the Clock) hold for session-ingestion. */
class ArchitectureTest {
    @Test
    void theArrowsPointDown() {
        ServiceArchitecture.assertHolds("com.liftguard.ingestion");
    }
}
