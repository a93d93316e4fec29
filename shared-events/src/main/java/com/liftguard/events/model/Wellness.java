package com.liftguard.events.model;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Wellness(Double sleepHours, Integer sleepQuality, Integer stress) {}
