package com.liftguard.risk.config;

import com.liftguard.risk.domain.PainReportTriage;
import com.liftguard.risk.domain.TriageSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** docs/rules.md section 2 thresholds, tunable per deployment under {@code liftguard.triage}. */
@ConfigMapping(prefix = "liftguard.triage")
public interface TriageConfig {
    @WithDefault("7")
    int seeClinicianIntensity();

    @WithDefault("4")
    int modifyIntensity();

    @WithDefault("72")
    int sorenessWindowHours();

    @WithDefault("168")
    int persistentHours();

    @WithDefault("4")
    int recurrentWindow();

    @WithDefault("3")
    int recurrentThreshold();

    default TriageSettings settings() {
        return new TriageSettings(
                seeClinicianIntensity(),
                modifyIntensity(),
                sorenessWindowHours(),
                persistentHours(),
                recurrentWindow(),
                recurrentThreshold());
    }

    /** The domain objects as beans, built from configuration. */
    @ApplicationScoped
    class Beans {
        @Produces
        @ApplicationScoped
        PainReportTriage triage(TriageConfig config) {
            return new PainReportTriage(config.settings());
        }
    }
}
