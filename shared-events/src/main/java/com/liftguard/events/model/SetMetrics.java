package com.liftguard.events.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Sensor figures of one set; both optional. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SetMetrics(Double torsoLeanChangeDeg, Double meanConcentricVelocity) {}
