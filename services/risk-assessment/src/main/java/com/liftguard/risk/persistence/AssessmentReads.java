package com.liftguard.risk.persistence;

import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.risk.domain.E1rm;
import com.liftguard.risk.domain.SleepCheck;
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
    /**
     * A session's facts as an assessment reads them; the JSON columns stay text until the caller reads them, since
     * most assessments need only some of them.
     */
    public record Facts(String sessionId, Instant performedAt, LocalDate day, String spinalSets, String findings) {}

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

    /** One row of a result as a value. */
    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * The reads, each a single indexed range of one athlete's rows. A read of the first or last rows orders by
     * every column of its index, the fixed tenant and athlete too: only then does H2 read them in the index's
     * order and stop at the limit instead of sorting the athlete's whole history.
     */
    public final class Reader {
        private final Connection connection;

        Reader(Connection connection) {
            this.connection = connection;
        }

        /** Load by day for the days in [from, to]. */
        public Map<LocalDate, Double> loads(String tenant, String athleteId, LocalDate from, LocalDate to)
                throws SQLException {
            Map<LocalDate, Double> loads = new TreeMap<>();
            for (Map.Entry<LocalDate, Double> day : rows(
                    "select load_day, session_load from " + schema + "daily_load "
                            + "where tenant = ? and athlete_id = ? and load_day >= ? and load_day <= ?",
                    tenant,
                    athleteId,
                    rs -> Map.entry(rs.getObject(1, LocalDate.class), rs.getDouble(2)),
                    from,
                    to)) {
                loads.put(day.getKey(), day.getValue());
            }
            return loads;
        }

        /**
         * The day of the athlete's first session, or null: the first entry of the athlete's range of the primary
         * key. H2 stops there only when the order names every column of the key (a {@code min()} under a WHERE
         * clause, or an order by the day alone, visited every day the athlete trained: 30 times slower at 400).
         */
        public LocalDate firstDay(String tenant, String athleteId) throws SQLException {
            List<LocalDate> first = rows(
                    "select load_day from " + schema + "daily_load where tenant = ? "
                            + "and athlete_id = ? order by tenant, athlete_id, load_day limit 1",
                    tenant,
                    athleteId,
                    rs -> rs.getObject(1, LocalDate.class));
            return first.isEmpty() ? null : first.get(0);
        }

        /** Sessions performed in [from, to), oldest first (ties by session id). */
        public List<Facts> facts(String tenant, String athleteId, Instant from, Instant to) throws SQLException {
            return rows(
                    "select session_id, performed_at, performed_on, spinal_sets, findings from " + schema
                            + "session_facts where tenant = ? and athlete_id = ? and performed_at >= ? and performed_at < ? "
                            + "order by performed_at, session_id",
                    tenant,
                    athleteId,
                    AssessmentReads::facts,
                    time(from),
                    time(to));
        }

        /** The last {@code n} sessions performed before {@code until}, newest first (ties by session id, descending). */
        public List<Facts> lastFacts(String tenant, String athleteId, Instant until, int n) throws SQLException {
            return rows(
                    "select session_id, performed_at, performed_on, spinal_sets, findings from " + schema
                            + "session_facts where tenant = ? and athlete_id = ? and performed_at < ? "
                            + "order by tenant desc, athlete_id desc, performed_at desc, session_id desc limit ?",
                    tenant,
                    athleteId,
                    AssessmentReads::facts,
                    time(until),
                    n);
        }

        /** The best e1RM per exercise of each session on days in [from, to]. */
        public List<E1rm.Estimate> estimates(String tenant, String athleteId, LocalDate from, LocalDate to)
                throws SQLException {
            return rows(
                    "select exercise, session_id, set_index, performed_on, e1rm_kg from " + schema
                            + "e1rm_estimate where tenant = ? and athlete_id = ? and performed_on >= ? and performed_on <= ?",
                    tenant,
                    athleteId,
                    rs -> new E1rm.Estimate(
                            Exercise.valueOf(rs.getString(1)),
                            rs.getObject(4, LocalDate.class),
                            E1rm.setRef(rs.getString(2), rs.getInt(3)),
                            rs.getDouble(5)),
                    from,
                    to);
        }

        /** The last {@code n} sleep reports before {@code until}, newest first. */
        public List<SleepCheck.SleepReport> lastSleep(String tenant, String athleteId, Instant until, int n)
                throws SQLException {
            return rows(
                    "select reported_at, hours from " + schema + "sleep_report where tenant = ? and athlete_id = ? "
                            + "and reported_at < ? order by tenant desc, athlete_id desc, reported_at desc, source_id desc limit ?",
                    tenant,
                    athleteId,
                    rs -> new SleepCheck.SleepReport(instant(rs, 1), rs.getDouble(2)),
                    time(until),
                    n);
        }

        /** The categories of the triage decisions on pain reported in [from, to). */
        public List<TriageCategory> triageCategories(String tenant, String athleteId, Instant from, Instant to)
                throws SQLException {
            return rows(
                    "select category from " + schema + "triage_decision where tenant = ? and athlete_id = ? "
                            + "and reported_at >= ? and reported_at < ?",
                    tenant,
                    athleteId,
                    rs -> TriageCategory.valueOf(rs.getString(1)),
                    time(from),
                    time(to));
        }

        /** The rows of one query on one athlete: tenant and athlete id are its first two parameters. */
        private <T> List<T> rows(String sql, String tenant, String athleteId, RowMapper<T> mapper, Object... more)
                throws SQLException {
            List<T> rows = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, tenant);
                ps.setString(2, athleteId);
                for (int i = 0; i < more.length; i++) {
                    ps.setObject(3 + i, more[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                }
            }
            return rows;
        }
    }

    private static Facts facts(ResultSet rs) throws SQLException {
        return new Facts(
                rs.getString(1), instant(rs, 2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
