package com.liftguard.ingestion.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.liftguard.events.serde.Json;
import com.liftguard.ingestion.service.BatchIngestion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The 202 answer to a batch: how many were new, how many already known, and each item's fate in order. The
 * record is the documented shape; {@link #json} writes it, each result naming only its own id field.
 */
public record IngestResponse(int accepted, int duplicates, List<Result> results) {

    public record Result(String sessionId, String checkInId, BatchIngestion.ItemStatus status) {}

    private static final SerializedString ACCEPTED = new SerializedString("accepted");
    private static final SerializedString DUPLICATES = new SerializedString("duplicates");
    private static final SerializedString RESULTS = new SerializedString("results");
    private static final SerializedString SESSION_ID = new SerializedString("sessionId");
    private static final SerializedString CHECK_IN_ID = new SerializedString("checkInId");
    private static final SerializedString STATUS = new SerializedString("status");

    /** The answer as JSON: a batch of 500 is written straight, without binding the records. */
    static byte[] json(List<BatchIngestion.ItemResult> items, boolean sessions) {
        int accepted = 0;
        for (BatchIngestion.ItemResult item : items) {
            if (item.status() == BatchIngestion.ItemStatus.ACCEPTED) {
                accepted++;
            }
        }
        ByteArrayBuilder out = new ByteArrayBuilder(64 + items.size() * 64);
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeFieldName(ACCEPTED);
            g.writeNumber(accepted);
            g.writeFieldName(DUPLICATES);
            g.writeNumber(items.size() - accepted);
            g.writeFieldName(RESULTS);
            g.writeStartArray();
            for (BatchIngestion.ItemResult item : items) {
                g.writeStartObject();
                g.writeFieldName(sessions ? SESSION_ID : CHECK_IN_ID);
                g.writeString(item.id());
                g.writeFieldName(STATUS);
                g.writeString(item.status().name());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] json = out.toByteArray();
        out.release();
        return json;
    }
}
