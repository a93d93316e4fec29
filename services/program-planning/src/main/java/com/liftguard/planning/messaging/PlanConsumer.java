package com.liftguard.planning.messaging;

import com.liftguard.events.RosterChanged;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.planning.persistence.PlanChanges;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Triage decisions and roster changes in; undecodable records go to each channel's dead-letter topic. */
@ApplicationScoped
public class PlanConsumer {
    @Inject
    PlanChanges changes;

    @Incoming("triage")
    @Blocking
    public void triage(String payload) {
        changes.onTriage(EventCodec.decode(payload, TriageDecided.class));
    }

    @Incoming("roster")
    @Blocking
    public void roster(String payload) {
        changes.onRoster(EventCodec.decode(payload, RosterChanged.class));
    }
}
