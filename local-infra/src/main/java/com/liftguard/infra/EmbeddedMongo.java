package com.liftguard.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mongo-java-server, a MongoDB wire-protocol server written in Java, because no MongoDB server can be
 * installed where Liftguard is built. In memory for tests; backed by an H2 MVStore file for the local
 * run, so that data survives a restart. It implements a subset of MongoDB: see
 * {@code EmbeddedMongoTest} for what the services may rely on.
 */
public final class EmbeddedMongo implements AutoCloseable {
    private static EmbeddedMongo shared;

    /** Both null for a handle on the server that another class loader runs (see {@link JvmWide}). */
    private final MongoServer server;

    private final MongoBackend backend;
    private final String connectionString;
    private boolean closed;

    private EmbeddedMongo(MongoServer server, MongoBackend backend, String connectionString) {
        this.server = server;
        this.backend = backend;
        this.connectionString = connectionString;
    }

    /**
     * @param port on 127.0.0.1, 0 for any free port
     * @param dataFile null for in-memory, else the H2 MVStore file that keeps the data (created if absent)
     */
    public static EmbeddedMongo start(int port, Path dataFile) {
        QuietLogs.warnOnly(QuietLogs.MONGO);
        // netty's threads inherit the context class loader; see KafkaBroker.start for why it matters
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmbeddedMongo.class.getClassLoader());
        try {
            return startWithOwnClassLoader(port, dataFile);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static EmbeddedMongo startWithOwnClassLoader(int port, Path dataFile) {
        MongoBackend backend;
        if (dataFile == null) {
            backend = new MemoryBackend();
        } else {
            Path file = dataFile.toAbsolutePath();
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the directory of " + file, e);
            }
            backend = new H2Backend(file.toString());
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new EmbeddedMongo(
                server,
                backend,
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    /**
     * One in-memory server for the whole JVM, stopped when the JVM exits. Closing it does nothing: other
     * test classes still use it.
     */
    public static synchronized EmbeddedMongo shared() {
        if (shared == null) {
            var elsewhere = JvmWide.addressFromSystemLoader(EmbeddedMongo.class, "connectionString");
            if (elsewhere.isPresent()) {
                shared = new EmbeddedMongo(null, null, elsewhere.get());
            } else {
                EmbeddedMongo mongo = start(0, null);
                Thread hook = new Thread(mongo::stop, "mongo-shutdown");
                hook.setContextClassLoader(EmbeddedMongo.class.getClassLoader());
                Runtime.getRuntime().addShutdownHook(hook);
                shared = new EmbeddedMongo(null, null, mongo.connectionString());
            }
        }
        return shared;
    }

    /**
     * Deletes every document of a collection of a server started by this JVM, keeping the collection and its
     * indexes: a benchmark's rounds then start alike instead of on a heap that fills with earlier rounds' data.
     *
     * @return how many documents were deleted (0 if the collection does not exist)
     */
    public int deleteAll(String database, String collection) {
        if (backend == null) {
            throw new IllegalStateException("the server runs in another class loader; use a client");
        }
        var coll = ((de.bwaldvogel.mongo.backend.AbstractMongoDatabase<?>) backend.resolveDatabase(database))
                .resolveCollection(collection, false);
        return coll == null ? 0 : coll.deleteDocuments(new de.bwaldvogel.mongo.bson.Document(), 0);
    }

    /** {@code mongodb://127.0.0.1:PORT} */
    public String connectionString() {
        return connectionString;
    }

    /** Stops listening and closes the backend, which writes a file backend's last changes. */
    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
        } finally {
            backend.close();
        }
    }
}
