package com.liftguard.support.web;

import jakarta.inject.Inject;
import java.util.Optional;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every {@code /v1} request must carry an {@code X-Api-Key} of a known tenant. */
public class ApiKeyFilter {
    public static final String HEADER = "X-Api-Key";

    @Inject
    ApiKeys apiKeys;

    @Inject
    TenantContext tenantContext;

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public jakarta.ws.rs.core.Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/v1/") && !path.equals("/v1")) {
            return null;
        }
        String key = request.getHeaderString(HEADER);
        if (key == null || key.isBlank()) {
            return ProblemException.unauthorized("the " + HEADER + " header is missing").toResponse();
        }
        Optional<String> tenant = apiKeys.tenantOf(key);
        if (tenant.isEmpty()) {
            return ProblemException.unauthorized("the " + HEADER + " is not valid").toResponse();
        }
        tenantContext.authenticate(tenant.get());
        return null;
    }
}
