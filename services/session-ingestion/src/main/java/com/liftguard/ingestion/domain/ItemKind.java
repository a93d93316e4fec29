package com.liftguard.ingestion.domain;

/**
 * What a platform sends in batches: sessions and stand-alone check-ins. Each is de-duplicated by its own id
 * field within the tenant; the names are stored with an open batch, so they must not change.
 */
public enum ItemKind {
    SESSION("sessionId"),
    CHECK_IN("checkInId");

    private final String idField;

    ItemKind(String idField) {
        this.idField = idField;
    }

    /** The field that holds the platform's id of the item, its idempotency key within the tenant. */
    public String idField() {
        return idField;
    }
}
