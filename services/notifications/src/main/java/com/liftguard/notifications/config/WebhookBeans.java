package com.liftguard.notifications.config;

import com.liftguard.notifications.domain.WebhookTargetGuard;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;

/** The plain-Java webhook objects, built from configuration. */
public class WebhookBeans {

    /** The system's name resolution (a test profile may put a fixed table in its place). */
    @Produces
    @Singleton
    WebhookTargetGuard.Resolver resolver() {
        return InetAddress::getAllByName;
    }

    @Produces
    @Singleton
    WebhookTargetGuard targetGuard(WebhooksConfig config, WebhookTargetGuard.Resolver resolver) {
        return new WebhookTargetGuard(config.allowPrivateTargets(), resolver);
    }
}
