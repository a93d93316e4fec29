package com.liftguard.notifications.config;

import com.liftguard.notifications.domain.NotificationComposer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The plain-Java domain objects, built from configuration. */
public class DomainBeans {

    @Produces
    @Singleton
    NotificationComposer composer(NotificationsConfig config) {
        return new NotificationComposer(config.guidance().toDomain());
    }
}
