package com.liftguard.notifications.ops;

import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.infra.OperationsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The operators' contract (readiness, liveness, metrics) on notifications, whose store is MongoDB. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class OperationsTest extends OperationsContract {
    @Override
    protected String storeCheck() {
        return "MongoDB";
    }
}
