package com.liftguard.planning.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.planning.domain.PlanSettings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Every number of section 6 is a configuration property whose default is the published value. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class PlanConfigTest {
    @Inject
    PlanConfig config;

    @Test
    void configurationDefaultsAreTheDomainDefaults() {
        assertEquals(PlanSettings.defaults(), config.settings());
    }
}
