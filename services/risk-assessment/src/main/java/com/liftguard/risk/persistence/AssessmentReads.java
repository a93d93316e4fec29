package com.liftguard.risk.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * The rows an assessment reads, in plain JDBC on the transaction's own connection: these reads run for
 * every event, and through Hibernate their cost was several times the database's own work (query
 * translation, entity hydration, dirty checks). Pending changes are flushed first, so the rows include
 * what the current event has just recorded. The SQL is the portable subset H2 (PostgreSQL mode) and
 * PostgreSQL share.
 */
@ApplicationScoped
public class AssessmentReads {
    /** A session's facts as an assessment reads them. */
    public record Facts(String sessionId, Instant performedAt, LocalDate day, String spinalSets, String findings) {
    }

    /** A best-e1RM row. */
    public record Estimate(String exercise, String sessionId, int setIndex, LocalDate day, double e1rmKg) {
    }

    /** A sleep report. */
    public record Sleep(Instant reportedAt, double hours) {
    }

    @Inject
    EntityManager entityManager;

    private final String schema;

    @Inject
    AssessmentReads(@ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") Optional<String> schema) {
        this.schema = schema.filter(s -> !s.isBlank()).map(s -> s + ".").orElse("");
    }

    /** Runs {@code reads} on the connection of the current session, after flushing what it holds. */
    public <T> T read(Work<T> reads) {
        if (QuarkusTransaction.isActive()) {
            entityManager.flush();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> reads.on(new Reader(connection)));
    }

    /** Reads done together on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Reader reader) throws SQLException;
    }

    /** The reads, each a single indexed range of one athlete's rows. */
    public final class Reader {
        private final Connection connection;

        Reader(Connection connection) {
            this.connection = connection;
        }

        /** Load by day for the days in [from, to]. */
        public Map<LocalDate, Double> loads(String tenant, String athleteId, LocalDate from, LocalDate to) throws SQLException {
            Map<LocalDate, Double> loads = new TreeMap<>();
            try (PreparedStatement ps = connection.prepareStatement("select load_day, session_load from " + schema
                    + "daily_load where tenant = ? and athlete_id = ? and load_day >= ? and load_day <= ?")) {
                athlete(ps, tenant, athleteId);
                ps.setObject(3, from);
                ps.setObject(4, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        loads.put(rs.getObject(1, LocalDate.class), rs.getDouble(2));
                    }
                }
            }
            return loads;
        }

        /** The day of the athlete's first session, or null. */
        public LocalDate firstDay(String tenant, String athleteId) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("select min(load_day) from " + schema
                    + "daily_load where tenant = ? and athlete_id = ?")) {
                athlete(ps, tenant, athleteId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getObject(1, LocalDate.class) : null;
                }
            }
        }

        /** Sessions performed in [from, to), oldest first (ties by session id). */
        public List<Facts> facts(String tenant, String athleteId, Instant from, Instant to) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("select session_id, performed_at, performed_on, "
                    + "spinal_sets, findings from " + schema + "session_facts where tenant = ? and athlete_id = ? "
                    + "and performed_at >= ? and performed_at < ? order by performed_at, session_id")) {
                athlete(ps, tenant, athleteId);
                ps.setObject(3, time(from));
                ps.setObject(4, time(to));
                return facts(ps);
            }
        }

        /** The last {@code n} sessions performed before {@code until}, newest first (ties by session id, descending). */
        public List<Facts> lastFacts(String tenant, String athleteId, Instant until, int n) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("select session_id, performed_at, performed_on, "
                    + "spinal_sets, findings from " + schema + "session_facts where tenant = ? and athlete_id = ? "
                    + "and performed_at < ? order by performed_at desc, session_id desc limit ?")) {
                athlete(ps, tenant, athleteId);
                ps.setObject(3, time(until));
                ps.setInt(4, n);
                return facts(ps);
            }
        }

        /** Best-e1RM rows of sessions on days in [from, to]. */
        public List<Estimate> estimates(String tenant, String athleteId, LocalDate from, LocalDate to) throws SQLException {
            List<Estimate> rows = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("select exercise, session_id, set_index, "
                    + "performed_on, e1rm_kg from " + schema + "e1rm_estimate where tenant = ? and athlete_id = ? "
                    + "and performed_on >= ? and performed_on <= ?")) {
                athlete(ps, tenant, athleteId);
                ps.setObject(3, from);
                ps.setObject(4, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Estimate(rs.getString(1), rs.getString(2), rs.getInt(3),
                                rs.getObject(4, LocalDate.class), rs.getDouble(5)));
                    }
                }
            }
            return rows;
        }

        /** The last {@code n} sleep reports before {@code until}, newest first. */
        public List<Sleep> lastSleep(String tenant, String athleteId, Instant until, int n) throws SQLException {
            List<Sleep> rows = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("select reported_at, hours from " + schema
                    + "sleep_report where tenant = ? and athlete_id = ? and reported_at < ? "
                    + "order by reported_at desc, source_id desc limit ?")) {
                athlete(ps, tenant, athleteId);
                ps.setObject(3, time(until));
                ps.setInt(4, n);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Sleep(instant(rs, 1), rs.getDouble(2)));
                    }
                }
            }
            return rows;
        }

        /** The categories of the triage decisions on pain reported in [from, to). */
        public List<String> triageCategories(String tenant, String athleteId, Instant from, Instant to) throws SQLException {
            List<String> categories = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("select category from " + schema
                    + "triage_decision where tenant = ? and athlete_id = ? and reported_at >= ? and reported_at < ?")) {
                athlete(ps, tenant, athleteId);
                ps.setObject(3, time(from));
                ps.setObject(4, time(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        categories.add(rs.getString(1));
                    }
                }
            }
            return categories;
        }

        private List<Facts> facts(PreparedStatement ps) throws SQLException {
            List<Facts> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Facts(rs.getString(1), instant(rs, 2), rs.getObject(3, LocalDate.class),
                            rs.getString(4), rs.getString(5)));
                }
            }
            return rows;
        }
    }

    private static void athlete(PreparedStatement ps, String tenant, String athleteId) throws SQLException {
        ps.setString(1, tenant);
        ps.setString(2, athleteId);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
