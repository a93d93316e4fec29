package com.liftguard.ingestion.persistence;

/**
 * What one accepted item becomes: the raw JSON as received, and the event announcing it. The event is
 * stored so that a retry after a failed publish re-sends exactly what was first accepted.
 */
public record IngestRecord(String tenant, String itemId, String athleteId, String rawJson, String eventId,
                           String eventJson) {
}
