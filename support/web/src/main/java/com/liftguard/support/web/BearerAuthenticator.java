package com.liftguard.support.web;

import java.util.Optional;

/**
 * Verifies a bearer token of a coach-facing service. A service that accepts coach tokens provides one
 * bean of this type; {@link ApiKeyFilter} then accepts {@code Authorization: Bearer} besides
 * {@code X-Api-Key}. Services without one take API keys only.
 */
public interface BearerAuthenticator {
    /** Who a valid token speaks for: a coach of a tenant. */
    record Coach(String tenant, String coachId) {}

    /** The coach the token was issued to, or empty when it is not valid (signature, issuer, expiry, claims). */
    Optional<Coach> authenticate(String token);
}
