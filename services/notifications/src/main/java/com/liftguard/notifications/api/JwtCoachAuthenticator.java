package com.liftguard.notifications.api;

import com.liftguard.support.web.BearerAuthenticator;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Coach tokens: a JWT verified against the configured issuer key (signature, issuer, expiry), whose
 * subject is the coach and whose {@code tenant} claim names the tenant.
 */
@ApplicationScoped
public class JwtCoachAuthenticator implements BearerAuthenticator {
    private static final Logger LOG = Logger.getLogger(JwtCoachAuthenticator.class);

    @Inject
    JWTParser parser;

    @Override
    public Optional<Coach> authenticate(String token) {
        try {
            JsonWebToken jwt = parser.parse(token);
            Object tenant = jwt.getClaim("tenant");
            String subject = jwt.getSubject();
            if (!(tenant instanceof String t) || t.isBlank() || subject == null || subject.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new Coach(t, subject));
        } catch (ParseException | RuntimeException e) {
            LOG.debugf("refused a bearer token: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
