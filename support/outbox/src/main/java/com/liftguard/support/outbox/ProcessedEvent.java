package com.liftguard.support.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The ledger of consumed event ids, written in the transaction of the change the event caused. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {
    @Id
    @Column(name = "event_id", length = 64)
    public String eventId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;
}
