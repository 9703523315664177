#!/usr/bin/env bash
# Assessment budgets (issue 5): engine evaluations/s in-process on one thread (JMH), simulate p50/p99 over HTTP
# beside GET /health on the same service. Usage: bench/assessment.sh (options: -Dbench.requests=5000 -Dbench.concurrency=4)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package
exec java "$@" -cp bench/target/sanctuary-bench.jar org.sanctuary.bench.AssessmentBenchmark
