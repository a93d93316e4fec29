#!/usr/bin/env bash
# Ingest throughput beside Kafka's ProducerPerformance on the same in-process broker.
#   bench/run.sh [--seconds 30] [--clients 4] [--batch 500] [--sets 8] [--perf-records 300000]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# reuse liftguard's JDK discovery
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p;/^die()/p' liftguard)
find_jdk
./mvnw -B -q -DskipTests -Dmaven.test.skip=true -pl bench -am install
exec java -Dliftguard.root="$ROOT" -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
    com.liftguard.bench.IngestBench "$@"
