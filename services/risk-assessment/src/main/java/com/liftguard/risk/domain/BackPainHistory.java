package com.liftguard.risk.domain;

import com.liftguard.events.model.PainRegion;
import com.liftguard.events.model.PainReport;
import java.time.Instant;
import java.util.List;

/**
 * The input of the persistent-soreness rule (docs/rules.md section 2): how many of the athlete's last spinal-loading
 * sessions were followed by back pain.
 */
public final class BackPainHistory {
    private BackPainHistory() {}

    /**
     * The persistent-soreness history: of the athlete's last spinal sessions ({@code performed}, newest first),
     * those with back pain in their own reports ({@code ownBackPain}) or in a check-in ({@code checkIns},
     * reported no earlier than the oldest of them) counted against them: the last session at or before it.
     * Read from what is stored, not marked when the check-in came, so the order the two topics are read in
     * does not change the count.
     */
    public static PainReportTriage.History history(
            List<Instant> performed, List<Boolean> ownBackPain, List<Instant> checkIns) {
        boolean[] withPain = new boolean[performed.size()];
        for (int i = 0; i < performed.size(); i++) {
            withPain[i] = ownBackPain.get(i);
        }
        for (Instant reported : checkIns) {
            for (int i = 0; i < performed.size(); i++) {
                if (!performed.get(i).isAfter(reported)) {
                    withPain[i] = true;
                    break;
                }
            }
        }
        int count = 0;
        for (boolean b : withPain) {
            count += b ? 1 : 0;
        }
        return new PainReportTriage.History(performed.size(), count);
    }

    /** Whether a report is back pain, the pain the persistent-soreness rule counts. */
    public static boolean backPain(PainReport r) {
        return r.region() == PainRegion.LOWER_BACK || r.region() == PainRegion.UPPER_BACK;
    }
}
