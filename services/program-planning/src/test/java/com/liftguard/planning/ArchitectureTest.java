package com.liftguard.planning;

import com.liftguard.support.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The house rules: arrows only point down, the rules are plain Java, and time comes from the injected Clock. */
class ArchitectureTest {
    @Test
    void theLayersHold() {
        ServiceArchitecture.assertHolds("com.liftguard.planning");
    }
}
