package com.liftguard.events.model;

/** A pain report, in a session or in a stand-alone check-in. Flags default to false. */
public record PainReport(
        PainRegion region,
        PainSide side,
        PainQuality quality,
        int intensity,
        PainOnset onset,
        int hoursSinceOnset,
        PainTrend trend,
        boolean radiatesBelowKnee,
        boolean numbnessOrTingling,
        boolean legWeakness,
        boolean saddleNumbness,
        boolean bladderOrBowelChange,
        boolean worseAtNightOrRest,
        boolean fever,
        boolean followingTrauma,
        boolean unexplainedWeightLoss) {}
