package com.liftguard.events.model;

public enum PainSide {
    LEFT,
    RIGHT,
    CENTRAL,
    BILATERAL
}
