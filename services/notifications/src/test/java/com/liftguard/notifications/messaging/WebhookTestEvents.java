package com.liftguard.notifications.messaging;

import com.liftguard.events.Event;
import com.liftguard.events.EventData;
import com.liftguard.events.EventIds;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.Topics;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.PainOnset;
import com.liftguard.events.model.PainQuality;
import com.liftguard.events.model.PainRegion;
import com.liftguard.events.model.PainReport;
import com.liftguard.events.model.PainSide;
import com.liftguard.events.model.PainTrend;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.infra.KafkaBroker;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Roster and triage events of one athlete of tenant acme, put on the real broker. */
final class WebhookTestEvents implements AutoCloseable {
    private static final PainReport SADDLE_NUMBNESS = new PainReport(
            PainRegion.LOWER_BACK,
            PainSide.CENTRAL,
            PainQuality.ACHING,
            5,
            PainOnset.WITHIN_HOURS,
            4,
            PainTrend.WORSENING,
            false,
            false,
            false,
            true,
            false,
            false,
            false,
            false,
            false);

    private final KafkaCompanion kafka = new KafkaCompanion(KafkaBroker.shared().bootstrapServers());
    private final String athlete;

    WebhookTestEvents(String athlete) {
        this.athlete = athlete;
    }

    void roster(String... coachIds) {
        Instant now = Instant.now();
        send(
                Topics.ROSTER,
                Event.of(
                        EventIds.derive("roster", athlete, now.toString()),
                        "/session-ingestion",
                        "acme",
                        new RosterChanged(athlete, "Ann Lifter", List.of(coachIds), now),
                        now));
    }

    Event<TriageDecided> triage(String sourceId, TriageCategory category) {
        return triage(sourceId, category, "SADDLE_NUMBNESS");
    }

    /** Items of the same athlete and first reason may be collapsed on the feed: a distinct reason keeps them apart. */
    Event<TriageDecided> triage(String sourceId, TriageCategory category, String reasonCode) {
        TriageDecided decision = new TriageDecided(
                EventIds.derive("decision", sourceId),
                athlete,
                TriageDecided.SourceKind.SESSION,
                sourceId,
                0,
                SADDLE_NUMBNESS,
                category,
                List.of(new Reason(reasonCode, "Reason " + reasonCode, List.of("saddleNumbness"))),
                Instant.now());
        return Event.of(
                EventIds.derive("triage", athlete, sourceId), "/risk-assessment", "acme", decision, Instant.now());
    }

    void send(String topic, Event<? extends EventData> event) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(topic, event.key(), EventCodec.encode(event)))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        kafka.close();
    }

    /** Checks a Liftguard-Signature header the way a receiver would, with nothing of the service's code. */
    static boolean verifies(String header, String secret, String body) {
        String[] parts = header.split(",");
        if (parts.length != 2 || !parts[0].startsWith("t=") || !parts[1].startsWith("v1=")) {
            return false;
        }
        String t = parts[0].substring(2);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts[1].substring(3)));
        } catch (Exception e) {
            return false;
        }
    }
}
