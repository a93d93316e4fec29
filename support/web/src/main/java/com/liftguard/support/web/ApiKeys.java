package com.liftguard.support.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Resolves an API key to its tenant. Keys are compared by digest in constant time. */
@ApplicationScoped
public class ApiKeys {
    private final Map<String, byte[]> digestByTenantAndKey;
    private final Set<String> tenants;

    public ApiKeys(TenantsConfig config) {
        this.tenants = Set.copyOf(config.tenants().keySet());
        var map = new HashMap<String, byte[]>();
        config.tenants().forEach((tenant, t) -> {
            for (int i = 0; i < t.apiKeys().size(); i++) {
                map.put(tenant + "#" + i, digest(t.apiKeys().get(i)));
            }
        });
        this.digestByTenantAndKey = Map.copyOf(map);
    }

    /** Whether the tenant is configured here (a token naming another tenant is not valid on this deployment). */
    public boolean knowsTenant(String tenant) {
        return tenant != null && tenants.contains(tenant);
    }

    public Optional<String> tenantOf(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        byte[] presented = digest(apiKey);
        String found = null;
        // visit every entry so timing does not reveal which tenant matched
        for (var e : digestByTenantAndKey.entrySet()) {
            if (MessageDigest.isEqual(e.getValue(), presented)) {
                found = e.getKey().substring(0, e.getKey().lastIndexOf('#'));
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
