package com.liftguard.support.web;

import jakarta.enterprise.context.RequestScoped;

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

    void authenticate(String tenant) {
        this.tenant = tenant;
    }
}
