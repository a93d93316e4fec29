package com.liftguard.events;

/** Kafka record keys: {@code tenant:athleteId}. Tenant ids never contain a colon; athlete ids may. */
public final class EventKeys {
    private EventKeys() {}

    public static String of(String tenant, String athleteId) {
        if (tenant == null || tenant.isEmpty() || tenant.indexOf(':') >= 0) {
            throw new IllegalArgumentException("tenant must be non-empty and contain no ':'");
        }
        if (athleteId == null || athleteId.isEmpty()) {
            throw new IllegalArgumentException("athleteId must be non-empty");
        }
        return tenant + ':' + athleteId;
    }

    public static String tenantOf(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a tenant:athleteId key: " + key);
        }
        return key.substring(0, colon);
    }
}
