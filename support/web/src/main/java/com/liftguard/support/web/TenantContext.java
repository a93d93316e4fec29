package com.liftguard.support.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The tenant the current request was authenticated for. */
@RequestScoped
public class TenantContext {
    private String tenant;

    public String tenant() {
        if (tenant == null) {
            throw new IllegalStateException("no authenticated tenant on this request");
        }
        return tenant;
    }

    private String coach;

    /** The coach a bearer token was issued to; empty when the request came with the tenant's API key. */
    public Optional<String> coach() {
        return Optional.ofNullable(coach);
    }

    /**
     * A coach token reads only that coach's data: another coach's id is answered as unknown (404), never
     * as forbidden, so a token does not reveal which coaches exist. The tenant's API key reads any coach.
     */
    public void requireCoach(String coachId) {
        if (coach != null && !coach.equals(coachId)) {
            throw ProblemException.notFound("no coach " + coachId);
        }
    }

    void authenticate(String tenant) {
        this.tenant = tenant;
        this.coach = null;
    }

    void authenticate(String tenant, String coach) {
        this.tenant = tenant;
        this.coach = coach;
    }
}
