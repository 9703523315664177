#!/usr/bin/env bash
# Impact before publishing (issue 13): POST /api/v1/assessments/impact over 10,000 open claims in <= 5 s, beside intake's
# facts pages read alone, on tenants + intake + assessment started from their jars on one embedded PostgreSQL.
# Usage: bench/impact.sh (options: -Dbench.claims=10000 -Dbench.rounds=5 -Dbench.concurrency=8)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package
exec java "$@" -cp bench/target/sanctuary-bench.jar org.sanctuary.bench.ImpactBenchmark
