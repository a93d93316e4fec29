#!/usr/bin/env bash
# The whole system on one in-process broker: service start times and memory, ingest throughput beside
# Kafka's ProducerPerformance, end-to-end latency at a fixed rate; writes bench/RESULTS.md.
#   bench/run.sh [--ingest-seconds 10] [--rounds 3] [--clients 4] [--batch 500] [--rate 1000 | --rate 100,300,1000] [--e2e-seconds 30] [--athletes 400]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# reuse liftguard's JDK discovery
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p;/^die()/p' liftguard)
find_jdk
./mvnw -B -q -DskipTests -Dmaven.test.skip=true -pl bench -am install
exec java -Dliftguard.root="$ROOT" -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
    com.liftguard.bench.SystemBench "$@"
