#!/usr/bin/env bash
# Console budget (issue 12): from sign-in to "My work" rendered with 1,000 claims, in Debian's Chromium with Playwright,
# against the running local stack (start it first: ./sanctuary up). Seeds demo-gov up to 1,000 claims of the caseworker.
# Options (environment): BENCH_CLAIMS=1000 BENCH_ROUNDS=7 CONSOLE_URL=http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/../console"
[ -x /usr/bin/chromium ] || { apt-get update -qq && apt-get install -y -qq chromium; }
[ -d node_modules ] || npm ci --no-audit --no-fund
exec npx playwright test --config playwright.bench.config.ts
