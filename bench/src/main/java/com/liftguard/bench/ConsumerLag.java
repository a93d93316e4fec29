package com.liftguard.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each consumer group is behind the end of the topics it reads, per topic: where a queue builds up
 * when the system does not keep up with the offered rate.
 */
final class ConsumerLag implements AutoCloseable {
    private final Admin admin;

    ConsumerLag(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin = Admin.create(p);
    }

    /** Records not yet consumed, by "group topic". */
    Map<String, Long> lag(List<String> groups) throws Exception {
        Map<String, Long> lag = new LinkedHashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                            committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all()
                    .get(10, TimeUnit.SECONDS);
            committed.forEach((tp, offset) -> {
                long behind = ends.get(tp).offset() - (offset == null ? 0 : offset.offset());
                lag.merge(group + " " + tp.topic(), Math.max(0, behind), Long::sum);
            });
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close();
    }
}
