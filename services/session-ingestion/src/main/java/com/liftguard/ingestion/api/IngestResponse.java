package com.liftguard.ingestion.api;

import java.util.List;

/** The 202 answer to a batch: how many were new, how many already known, and each item's fate in order. */
public record IngestResponse(int accepted, int duplicates, List<Result> results) {

    public record Result(String sessionId, String checkInId, BatchIngestion.ItemStatus status) {
    }

    static IngestResponse of(List<BatchIngestion.ItemResult> items, boolean sessions) {
        int accepted = (int) items.stream().filter(i -> i.status() == BatchIngestion.ItemStatus.ACCEPTED).count();
        List<Result> results = items.stream()
                .map(i -> sessions ? new Result(i.id(), null, i.status()) : new Result(null, i.id(), i.status()))
                .toList();
        return new IngestResponse(accepted, items.size() - accepted, results);
    }
}
