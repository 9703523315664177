#!/usr/bin/env bash
# Documents budget (issue 6): a 1 GiB upload through the gateway into documents (-Xmx256m) vs a plain curl upload
# to a disk-writing sink, same run, alternated; RSS growth of documents. Options: -Dbench.bytes=… -Dbench.rounds=2
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package
exec java "$@" -cp bench/target/sanctuary-bench.jar org.sanctuary.bench.DocumentsBenchmark
