package com.liftguard.support.web;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /v1} request must carry an {@code X-Api-Key} of a known tenant, or, on a service with a
 * {@link BearerAuthenticator}, a coach's bearer token ({@code Authorization: Bearer ...}).
 */
public class ApiKeyFilter {
    public static final String HEADER = "X-Api-Key";

    @Inject
    ApiKeys apiKeys;

    @Inject
    TenantContext tenantContext;

    @Inject
    Instance<BearerAuthenticator> bearer;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/v1/") && !path.equals("/v1")) {
            return null;
        }
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (!bearer.isResolvable()) {
                return ProblemException.unauthorized("this service takes the " + HEADER + " header, not bearer tokens")
                        .toResponse();
            }
            Optional<BearerAuthenticator.Coach> coach =
                    bearer.get().authenticate(authorization.substring(7).strip());
            if (coach.isEmpty() || !apiKeys.knowsTenant(coach.get().tenant())) {
                return ProblemException.unauthorized("the bearer token is not valid (signature, issuer, expiry or "
                                + "its tenant and subject claims)")
                        .toResponse();
            }
            tenantContext.authenticate(coach.get().tenant(), coach.get().coachId());
            return null;
        }
        String key = request.getHeaderString(HEADER);
        if (key == null || key.isBlank()) {
            return ProblemException.unauthorized("the " + HEADER + " header is missing")
                    .toResponse();
        }
        Optional<String> tenant = apiKeys.tenantOf(key);
        if (tenant.isEmpty()) {
            return ProblemException.unauthorized("the " + HEADER + " is not valid")
                    .toResponse();
        }
        tenantContext.authenticate(tenant.get());
        return null;
    }
}
