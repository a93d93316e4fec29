package com.liftguard.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.liftguard.demo.Payloads.CheckIn;
import com.liftguard.demo.Payloads.RosterEntry;
import com.liftguard.demo.Payloads.Session;
import com.liftguard.demo.Payloads.Timed;
import com.liftguard.demo.ScenarioGenerator.Athlete;
import com.liftguard.demo.ScenarioGenerator.Config;
import com.liftguard.demo.ScenarioGenerator.Scenario;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A gym platform in a box: registers a roster of athletes with their coaches, then streams weeks of their
 * sessions and check-ins to session-ingestion in chronological order, in batches, as fast as possible or paced
 * against the clock, and points to the coach pages. Used by {@code ./liftguard demo}.
 */
public final class GymPlatformSimulator {
    static final int MAX_BATCH = 500;

    static final String USAGE = """
            usage: GymPlatformSimulator [options]
              --base URL          session-ingestion (default http://localhost:8081)
              --api-key KEY       the tenant's API key (default demo-key)
              --athletes N        athletes on the roster (default 40)
              --weeks N           weeks of history, ending today (default 8)
              --coaches N         coaches; each athlete has 1 or 2 (default 4)
              --speed max|F       as fast as possible (default), or F simulated seconds per real second
                                  (3600: an hour a second; 86400: a day a second)
              --seed N            the random seed, also part of the athlete ids: the same seed on the same day
                                  gives the same stream (all DUPLICATE when sent again) (default 42)
              --coach-page URL    where the coach page is served (default http://localhost:8084)
              --urls-file PATH    also write the coach page URLs there, one a line
              --progress auto|tty|plain
                                  progress bar on stderr: rewritten in place (tty) or a line every few seconds
            """;

    record Options(
            String base,
            String apiKey,
            int athletes,
            int weeks,
            int coaches,
            double speed,
            long seed,
            String coachPage,
            Path urlsFile,
            String progress) {

        static Options parse(String[] args) {
            String base = "http://localhost:8081";
            String apiKey = "demo-key";
            int athletes = 40;
            int weeks = 8;
            int coaches = 4;
            double speed = 0;
            long seed = 42;
            String coachPage = "http://localhost:8084";
            Path urlsFile = null;
            String progress = "auto";
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    throw new UsageException(null);
                }
                String name = a;
                String value;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                } else {
                    if (i + 1 >= args.length) {
                        throw new UsageException(a + " needs a value");
                    }
                    value = args[++i];
                }
                switch (name) {
                    case "--base" -> base = value;
                    case "--api-key" -> apiKey = value;
                    case "--athletes" -> athletes = intIn(name, value, 1, 100_000);
                    case "--weeks" -> weeks = intIn(name, value, 1, 104);
                    case "--coaches" -> coaches = intIn(name, value, 1, 1000);
                    case "--speed" -> speed = speed(value);
                    case "--seed" -> seed = longValue(name, value);
                    case "--coach-page" ->
                        coachPage = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
                    case "--urls-file" -> urlsFile = Path.of(value);
                    case "--progress" -> {
                        if (!Set.of("auto", "tty", "plain").contains(value)) {
                            throw new UsageException("--progress must be auto, tty or plain");
                        }
                        progress = value;
                    }
                    default -> throw new UsageException("unknown option " + a);
                }
            }
            return new Options(base, apiKey, athletes, weeks, coaches, speed, seed, coachPage, urlsFile, progress);
        }

        boolean paced() {
            return speed > 0;
        }

        private static int intIn(String name, String value, int min, int max) {
            long v = longValue(name, value);
            if (v < min || v > max) {
                throw new UsageException(name + " must be " + min + ".." + max);
            }
            return (int) v;
        }

        private static long longValue(String name, String value) {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new UsageException(name + " needs a whole number, not '" + value + "'");
            }
        }

        private static double speed(String value) {
            if (value.equalsIgnoreCase("max") || value.equalsIgnoreCase("fast")) {
                return 0;
            }
            try {
                double v = Double.parseDouble(value);
                if (v > 0 && Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new UsageException("--speed must be max or a positive factor (simulated seconds per second)");
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** What the ingestion service answered, summed. */
    static final class Tally {
        long sessionsSent;
        long sessionsAccepted;
        long sessionDuplicates;
        long resent;
        long checkInsSent;
        long checkInsAccepted;
        long checkInDuplicates;
        long requests;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("demo: " + e.getMessage());
            }
            (e.getMessage() == null ? System.out : System.err).print(USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        try {
            System.exit(new GymPlatformSimulator().run(options));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
        }
    }

    int run(Options o) throws InterruptedException {
        Config config = new Config(
                o.athletes(), o.weeks(), o.coaches(), o.seed(), LocalDate.now(ZoneOffset.UTC), Instant.now());
        Scenario scenario = ScenarioGenerator.generate(config);
        ObjectMapper json = new ObjectMapper();
        IngestClient client = new IngestClient(json, o.base(), o.apiKey());
        System.out.printf(
                Locale.ROOT,
                "demo: %d athletes, %d coaches, %d weeks (%s to %s), seed %d, %s -> %s%n",
                o.athletes(),
                o.coaches(),
                o.weeks(),
                config.firstDay(),
                config.today(),
                o.seed(),
                o.paced() ? "speed x" + trim(o.speed()) : "as fast as possible",
                o.base());
        System.out.printf(
                Locale.ROOT,
                "demo: %d sessions and %d check-ins to stream%n",
                scenario.sessions(),
                scenario.checkIns());
        System.out.flush();
        long started = System.nanoTime();
        Tally tally = new Tally();
        try {
            roster(client, scenario);
            stream(client, scenario, o, tally);
        } catch (IngestClient.RejectedException e) {
            System.err.println();
            System.err.println("demo: " + e.getMessage() + "; stopping.");
            if (!e.body.isBlank()) {
                System.err.println(e.body);
            }
            return 1;
        }
        summary(scenario, o, tally, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static void roster(IngestClient client, Scenario scenario)
            throws IngestClient.RejectedException, InterruptedException {
        for (Athlete a : scenario.athletes()) {
            client.putAthlete(a.id(), new RosterEntry(a.displayName(), a.coachIds()));
        }
        System.out.printf(
                Locale.ROOT,
                "demo: roster of %d athletes registered%n",
                scenario.athletes().size());
        System.out.flush();
    }

    /**
     * The stream in order of time, a window at a time: as fast as possible, a window is one simulated day (UTC),
     * as a platform syncing daily would send it; paced, whatever has come due by the clock. A window's sessions
     * go in order in batches of at most 500, then its check-ins (or the other way round when the window starts
     * with a check-in; the two kinds travel on separate topics anyway). About one session in 50 is sent again
     * in the next session batch, as a platform retrying after a lost answer would, and comes back DUPLICATE.
     */
    static void stream(IngestClient client, Scenario scenario, Options o, Tally tally)
            throws IngestClient.RejectedException, InterruptedException {
        List<Timed> timeline = scenario.timeline();
        ProgressBar progress = new ProgressBar(System.err, tty(o.progress()), scenario.sessions());
        SplittableRandom retries = new SplittableRandom(o.seed() ^ 0x5EED_1DL);
        List<Session> resend = new ArrayList<>();
        long realStart = System.nanoTime();
        Instant simStart = timeline.isEmpty() ? Instant.now() : timeline.get(0).at();
        String day = "";
        int i = 0;
        while (i < timeline.size()) {
            Timed first = timeline.get(i);
            if (o.paced()) {
                sleepUntil(due(first, simStart, realStart, o.speed()));
            }
            long now = System.nanoTime();
            LocalDate firstDay = utcDate(first);
            List<Session> sessions = new ArrayList<>();
            List<CheckIn> checkIns = new ArrayList<>();
            while (i < timeline.size()) {
                Timed t = timeline.get(i);
                boolean inWindow = o.paced()
                        ? due(t, simStart, realStart, o.speed()) <= now
                        : utcDate(t).equals(firstDay);
                if (!inWindow && !(sessions.isEmpty() && checkIns.isEmpty())) {
                    break;
                }
                if (t.isSession()) {
                    sessions.add(t.session());
                } else {
                    checkIns.add(t.checkIn());
                }
                day = utcDate(t).toString();
                i++;
            }
            if (first.isSession()) {
                postSessions(client, sessions, resend, retries, tally, progress, day);
                postCheckIns(client, checkIns, tally, progress, day);
            } else {
                postCheckIns(client, checkIns, tally, progress, day);
                postSessions(client, sessions, resend, retries, tally, progress, day);
            }
        }
        if (!resend.isEmpty()) {
            JsonNode answer = client.postSessions(new ArrayList<Object>(resend));
            tally.requests++;
            tally.resent += resend.size();
            tally.sessionsAccepted += answer.path("accepted").asLong();
            tally.sessionDuplicates += answer.path("duplicates").asLong();
        }
        progress.finish(tally.sessionsSent, tally.checkInsSent, day);
    }

    private static void postSessions(
            IngestClient client,
            List<Session> sessions,
            List<Session> resend,
            SplittableRandom retries,
            Tally tally,
            ProgressBar progress,
            String day)
            throws IngestClient.RejectedException, InterruptedException {
        int from = 0;
        while (from < sessions.size()) {
            List<Object> batch = new ArrayList<>(resend);
            int resends = resend.size();
            resend.clear();
            int to = Math.min(sessions.size(), from + MAX_BATCH - batch.size());
            List<Session> fresh = sessions.subList(from, to);
            batch.addAll(fresh);
            JsonNode answer = client.postSessions(batch);
            tally.requests++;
            tally.sessionsSent += fresh.size();
            tally.resent += resends;
            tally.sessionsAccepted += answer.path("accepted").asLong();
            tally.sessionDuplicates += answer.path("duplicates").asLong();
            for (Session s : fresh) {
                if (retries.nextDouble() < 0.02) {
                    resend.add(s);
                }
            }
            from = to;
            progress.update(tally.sessionsSent, tally.checkInsSent, day);
        }
    }

    private static void postCheckIns(
            IngestClient client, List<CheckIn> checkIns, Tally tally, ProgressBar progress, String day)
            throws IngestClient.RejectedException, InterruptedException {
        for (int from = 0; from < checkIns.size(); from += MAX_BATCH) {
            List<CheckIn> batch = checkIns.subList(from, Math.min(checkIns.size(), from + MAX_BATCH));
            JsonNode answer = client.postCheckIns(batch);
            tally.requests++;
            tally.checkInsSent += batch.size();
            tally.checkInsAccepted += answer.path("accepted").asLong();
            tally.checkInDuplicates += answer.path("duplicates").asLong();
            progress.update(tally.sessionsSent, tally.checkInsSent, day);
        }
    }

    private static LocalDate utcDate(Timed t) {
        return t.at().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static long due(Timed t, Instant simStart, long realStart, double speed) {
        double simSeconds = (t.at().toEpochMilli() - simStart.toEpochMilli()) / 1000.0;
        return realStart + (long) (simSeconds / speed * 1e9);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** Whether stderr is (most likely) a terminal: asked of the caller, else of the JDK's console. */
    static boolean tty(String progress) {
        if (!progress.equals("auto")) {
            return progress.equals("tty");
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+: a console object exists even when redirected; isTerminal() tells
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console means stdin and stdout are a terminal
        }
    }

    private static void summary(Scenario scenario, Options o, Tally tally, double seconds) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%ndemo: done in %.1f s (%d requests)%n", seconds, tally.requests));
        s.append("athletes per archetype:\n");
        Map<Archetype, List<String>> byArchetype = new LinkedHashMap<>();
        for (Archetype a : Archetype.values()) {
            byArchetype.put(a, new ArrayList<>());
        }
        scenario.athletes().forEach(a -> byArchetype.get(a.archetype()).add(a.id()));
        byArchetype.forEach((a, ids) ->
                s.append(String.format(Locale.ROOT, "  %-26s %4d  %s%n", a.label(), ids.size(), examples(ids))));
        s.append(String.format(
                Locale.ROOT,
                "sessions:  %d sent, %d accepted, %d duplicates (%d sent again on purpose)%n",
                tally.sessionsSent,
                tally.sessionsAccepted,
                tally.sessionDuplicates,
                tally.resent));
        s.append(String.format(
                Locale.ROOT,
                "check-ins: %d sent, %d accepted, %d duplicates%n",
                tally.checkInsSent,
                tally.checkInsAccepted,
                tally.checkInDuplicates));
        long alreadyThere = tally.sessionDuplicates - tally.resent;
        if (tally.sessionsAccepted == 0 && tally.sessionsSent > 0) {
            s.append("(all of it was already there: the same seed on the same day gives the same ids)\n");
        } else if (alreadyThere > 0) {
            s.append(String.format(
                    Locale.ROOT,
                    "(%d sessions were already there from an earlier run on another day: these"
                            + " athletes' figures mix both runs; use another --seed or start from empty data)%n",
                    alreadyThere));
        }
        s.append("coach pages (the feeds fill as risk-assessment and program-planning catch up):\n");
        List<String> urls = coachUrls(scenario, o);
        for (int c = 0; c < urls.size(); c++) {
            String coach = scenario.coachIds().get(c);
            long athletes = scenario.athletes().stream()
                    .filter(a -> a.coachIds().contains(coach))
                    .count();
            s.append(String.format(Locale.ROOT, "  %-9s %s   (%d athletes)%n", coach, urls.get(c), athletes));
        }
        System.out.print(s);
        System.out.flush();
        if (o.urlsFile() != null) {
            try {
                Files.write(o.urlsFile(), urls);
            } catch (IOException e) {
                System.err.println("demo: could not write " + o.urlsFile() + ": " + e.getMessage());
            }
        }
    }

    static List<String> coachUrls(Scenario scenario, Options o) {
        return scenario.coachIds().stream()
                .map(c -> o.coachPage() + "/#coach=" + c + "&key=" + o.apiKey())
                .toList();
    }

    private static String examples(List<String> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        String shown = ids.stream().limit(4).collect(Collectors.joining(", "));
        return "(" + shown + (ids.size() > 4 ? ", ..." : "") + ")";
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
