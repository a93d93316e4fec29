package com.liftguard.planning.api;

import com.liftguard.infra.ApiReferenceContract;
import com.liftguard.infra.LiftguardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** docs/api.md names every operation program-planning serves. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class ApiReferenceTest extends ApiReferenceContract {}
