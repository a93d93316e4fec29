package com.liftguard.risk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.risk.domain.E1rmSettings;
import com.liftguard.risk.domain.FindingSettings;
import com.liftguard.risk.domain.LoadSettings;
import com.liftguard.risk.domain.RecoverySettings;
import com.liftguard.risk.domain.RiskLevelSettings;
import com.liftguard.risk.domain.SleepSettings;
import com.liftguard.risk.domain.TriageSettings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Every threshold is a configuration property whose default is the published value the domain uses. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class RiskRulesConfigTest {
    @Inject
    TriageConfig triage;

    @Inject
    RiskRulesConfig.Load load;

    @Inject
    RiskRulesConfig.E1rmRules e1rm;

    @Inject
    RiskRulesConfig.Recovery recovery;

    @Inject
    RiskRulesConfig.Findings findings;

    @Inject
    RiskRulesConfig.Sleep sleep;

    @Inject
    RiskRulesConfig.Risk risk;

    @Test
    void configurationDefaultsAreTheDomainDefaults() {
        assertEquals(TriageSettings.defaults(), triage.settings());
        assertEquals(LoadSettings.defaults(), RiskRulesConfig.loadSettings(load));
        assertEquals(E1rmSettings.defaults(), RiskRulesConfig.e1rmSettings(e1rm));
        assertEquals(RecoverySettings.defaults(), RiskRulesConfig.recoverySettings(recovery));
        assertEquals(FindingSettings.defaults(), RiskRulesConfig.findingSettings(findings));
        assertEquals(SleepSettings.defaults(), RiskRulesConfig.sleepSettings(sleep));
        assertEquals(RiskLevelSettings.defaults(), RiskRulesConfig.riskLevelSettings(risk));
        assertEquals(7, risk.triageWindowDays());
        assertEquals(7, risk.spacingWindowDays());
    }
}
