#!/usr/bin/env bash
# Gateway budget (issue 3): intake read directly, through the gateway and through nginx, alternated, with wrk.
# Usage: bench/gateway.sh   (options: -Dbench.rounds=3 -Dbench.seconds=8 -Dbench.connections=8)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null 2>&1 && command -v nginx >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk nginx-light; }
./mvnw -B -q -DskipTests package
exec java "$@" -cp bench/target/sanctuary-bench.jar org.sanctuary.bench.GatewayBenchmark
