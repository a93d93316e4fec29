package com.liftguard.support.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    private static TenantsConfig.Tenant keys(String... k) {
        return () -> List.of(k);
    }

    private final ApiKeys apiKeys = new ApiKeys(() -> Map.of(
            "acme", keys("acme-old", "acme-new"),
            "globex", keys("globex-key")));

    @Test
    void everyKeyOfATenantResolvesToIt() {
        assertEquals(Optional.of("acme"), apiKeys.tenantOf("acme-old"));
        assertEquals(Optional.of("acme"), apiKeys.tenantOf("acme-new"));
        assertEquals(Optional.of("globex"), apiKeys.tenantOf("globex-key"));
    }

    @Test
    void unknownMissingOrBlankKeysResolveToNothing() {
        assertEquals(Optional.empty(), apiKeys.tenantOf("acme"));
        assertEquals(Optional.empty(), apiKeys.tenantOf(null));
        assertEquals(Optional.empty(), apiKeys.tenantOf("  "));
        assertEquals(Optional.empty(), apiKeys.tenantOf("ACME-OLD"));
    }

    @Test
    void noTenantsConfiguredMeansNoKeyIsValid() {
        assertEquals(Optional.empty(), new ApiKeys(Map::of).tenantOf("demo-key"));
    }
}
