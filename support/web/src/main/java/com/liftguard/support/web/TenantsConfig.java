package com.liftguard.support.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.List;
import java.util.Map;

/**
 * Tenants (gym platforms) and their API keys: {@code liftguard.tenants.<tenant>.api-keys=k1,k2}. More
 * than one key per tenant lets a platform rotate keys without downtime.
 */
@ConfigMapping(prefix = "liftguard.tenants")
public interface TenantsConfig {
    @WithParentName
    Map<String, Tenant> tenants();

    interface Tenant {
        List<String> apiKeys();
    }
}
