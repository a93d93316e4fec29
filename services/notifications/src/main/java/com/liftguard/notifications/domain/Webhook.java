package com.liftguard.notifications.domain;

import java.time.Instant;

/** A coach's webhook as stored; the secret never leaves the service except as signatures. */
public record Webhook(String tenant, String coachId, String url, String secret, Instant updatedAt) {

    @Override
    public String toString() {
        return "Webhook[tenant=" + tenant + ", coachId=" + coachId + ", url=" + url + ", updatedAt=" + updatedAt + "]";
    }
}
