package com.liftguard.notifications.webhooks;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The plain-Java webhook objects, built from configuration. */
public class WebhookBeans {

    @Produces
    @Singleton
    WebhookTargetGuard targetGuard(WebhooksConfig config) {
        return new WebhookTargetGuard(config.allowPrivateTargets());
    }
}
