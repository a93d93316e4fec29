package com.liftguard.events;

/** The payload of an event; every payload names its athlete, the partitioning unit of every topic. */
public interface EventData {
    String athleteId();
}
