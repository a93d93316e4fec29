package com.liftguard.system;

import com.liftguard.infra.KafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * local-infra's Kafka broker alone, in a process of its own, so that a test can kill it and start it
 * again on the same port and data directory ({@link BrokerProcess}). Prints {@code READY <bootstrap>} on
 * stdout once a client can reach it; SIGTERM stops it cleanly.
 *
 * <p>Usage: {@code BrokerMain PORT DATA_DIR}.
 */
public final class BrokerMain {
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: BrokerMain PORT DATA_DIR");
            System.exit(2);
        }
        KafkaBroker broker = KafkaBroker.start(KafkaBroker.Options.defaults()
                .withPort(Integer.parseInt(args[0]))
                .withDataDir(Path.of(args[1])));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                broker.close();
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "broker-shutdown"));
        System.out.println("READY " + broker.bootstrapServers());
        System.out.flush();
        stopped.await();
    }

    private BrokerMain() {}
}
