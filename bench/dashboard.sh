#!/usr/bin/env bash
# Console dashboard budget (issue 13): the analyst's dashboard over 1,000,000 claims renders in <= 1 s, in Debian's
# Chromium with Playwright, against the running local stack (start it first: ./sanctuary up). Seeds demo-gov's
# reporting read models with synthetic claims up to BENCH_CLAIMS (reporting's /internal/v1/feeds/rebuild undoes it).
# Options (environment): BENCH_CLAIMS=1000000 BENCH_ROUNDS=9 CONSOLE_URL=http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package -pl bench -am
java -Dbench.claims="${BENCH_CLAIMS:-1000000}" -cp bench/target/sanctuary-bench.jar org.sanctuary.bench.DashboardSeed
cd console
[ -x /usr/bin/chromium ] || { apt-get update -qq && apt-get install -y -qq chromium; }
[ -d node_modules ] || npm ci --no-audit --no-fund
exec npx playwright test --config playwright.bench.config.ts dashboard.bench.ts
