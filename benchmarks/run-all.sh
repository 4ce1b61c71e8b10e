#!/bin/sh
# Runs every benchmark group with the settings used for benchmarks/README.md, logging the machine's load before and
# after each group. Run from the repository root after building (see README.md). Output: benchmarks/results/, or the
# directory given as first argument.
set -e
out=${1:-benchmarks/results}
mkdir -p "$out"
jar=benchmarks/target/benchmarks.jar
run() {
  name=$1; shift
  { echo "== $name: $(date -u +%FT%TZ) load before: $(uptime)"; } > "$out/$name.txt"
  java -jar "$jar" "$@" -rf json -rff "$out/$name.json" >> "$out/$name.txt" 2>&1
  { echo "== $name: $(date -u +%FT%TZ) load after: $(uptime)"; } >> "$out/$name.txt"
}
run driver 'PointSelectBenchmark|ConnectBenchmark'
run create-tenant 'CreateTenantBenchmark'
run list 'ListTenantsBenchmark'
run schema 'SchemaChangeBenchmark'
run branch 'CreateBranchBenchmark'
run cross 'CrossTenantBenchmark'
run planning 'PlanningBenchmark'
