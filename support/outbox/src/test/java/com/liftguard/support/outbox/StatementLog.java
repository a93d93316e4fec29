package com.liftguard.support.outbox;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL statements Hibernate prepares on the test's own thread (the relay's thread does its own work); a
 * persistence-unit extension, so it is injected with {@code @PersistenceUnitExtension}.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementLog implements StatementInspector {
    private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

    public void start() {
        recording.set(new ArrayList<>());
    }

    /** The statements since {@link #start()} on this thread. */
    public List<String> stop() {
        List<String> statements = recording.get();
        recording.remove();
        return statements;
    }

    @Override
    public String inspect(String sql) {
        List<String> statements = recording.get();
        if (statements != null) {
            statements.add(sql);
        }
        return sql;
    }
}
