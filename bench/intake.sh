#!/usr/bin/env bash
# Intake budgets (issue 2): create-claim throughput and p99 vs raw JDBC inserts, start time, RSS.
# Usage: bench/intake.sh   (options: -Dbench.concurrency=8 -Dbench.requests=10000 -Dbench.jvm="-Xmx128m -XX:+UseSerialGC")
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package
exec java "$@" -cp bench/target/sanctuary-bench.jar org.sanctuary.bench.IntakeBenchmark
