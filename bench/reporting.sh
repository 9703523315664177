#!/usr/bin/env bash
# Reporting budgets (issue 7): a tenant dashboard over 1M synthetic claims (p50/p95), feed catch-up rate.
# Options: -Dbench.claims=1000000 -Dbench.events=3000 -Dbench.rounds=200
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package
exec java "$@" -cp bench/target/sanctuary-bench.jar org.sanctuary.bench.ReportingBenchmark
