package com.liftguard.support.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event written in the same transaction as the state change it announces, waiting for the relay. */
@Entity
@Table(name = "outbox_event")
public class OutboxRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, length = 64)
    public String eventId;

    @Column(name = "event_type", nullable = false, length = 200)
    public String eventType;

    @Column(nullable = false, length = 200)
    public String topic;

    @Column(name = "record_key", nullable = false, length = 300)
    public String recordKey;

    @Column(nullable = false, length = 1_000_000)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** W3C trace context of the appending transaction (traceparent, tracestate), sent as record headers. */
    @Column(name = "trace_context", length = 2000)
    public String traceContext;
}
