package com.liftguard.notifications.api;

import com.liftguard.infra.ApiReferenceContract;
import com.liftguard.infra.LiftguardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** docs/api.md names every operation notifications serves. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class ApiReferenceTest extends ApiReferenceContract {}
