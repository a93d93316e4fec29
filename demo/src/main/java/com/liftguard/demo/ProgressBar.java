package com.liftguard.demo;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Sessions sent out of the total, the rate and the time left, on stderr: one line rewritten in place (\r) on a
 * terminal, a plain line every few seconds and at each quarter otherwise (logs, CI).
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long TTY_EVERY_NANOS = 100_000_000L;
    private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final boolean tty;
    private final long total;
    private final long start = System.nanoTime();
    private long lastPrint;
    private int lastLength;
    private int lastQuarter;
    private long printedSessions = -1;
    private long printedCheckIns = -1;

    ProgressBar(PrintStream out, boolean tty, long total) {
        this.out = out;
        this.tty = tty;
        this.total = Math.max(total, 1);
        this.lastPrint = start;
    }

    void update(long sessions, long checkIns, String simulatedDay) {
        long now = System.nanoTime();
        int quarter = (int) (sessions * 4 / total);
        boolean due = tty
                ? now - lastPrint >= TTY_EVERY_NANOS
                : now - lastPrint >= PLAIN_EVERY_NANOS || quarter > lastQuarter;
        if (due) {
            print(sessions, checkIns, simulatedDay, now);
            lastQuarter = quarter;
        }
    }

    void finish(long sessions, long checkIns, String simulatedDay) {
        if (tty || sessions != printedSessions || checkIns != printedCheckIns) {
            print(sessions, checkIns, simulatedDay, System.nanoTime());
        }
        if (tty) {
            out.println();
        }
        out.flush();
    }

    private void print(long sessions, long checkIns, String simulatedDay, long now) {
        lastPrint = now;
        printedSessions = sessions;
        printedCheckIns = checkIns;
        double seconds = Math.max((now - start) / 1e9, 1e-3);
        double rate = sessions / seconds;
        long left = total - sessions;
        String eta = rate > 0 ? clock(left / rate) : "--:--";
        int filled = (int) (WIDTH * Math.min(sessions, total) / total);
        String line = String.format(
                Locale.ROOT,
                "[%s%s] %d/%d sessions %3d%%  %.0f/s  ETA %s  check-ins %d  day %s",
                "#".repeat(filled),
                "-".repeat(WIDTH - filled),
                sessions,
                total,
                sessions * 100 / total,
                rate,
                eta,
                checkIns,
                simulatedDay);
        if (tty) {
            String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
            out.print("\r" + line + pad);
            lastLength = line.length();
        } else {
            out.println("demo: " + line);
        }
        out.flush();
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
