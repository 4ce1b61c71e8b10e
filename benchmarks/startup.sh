#!/usr/bin/env bash
# Start-up time of a cinch command, side by side with plain java and sqlite3 on the same project (see README.md).
# Usage: benchmarks/startup.sh [TENANTS]   (needs cli/target/cinch.jar: mvn -B -ntp -q -DskipTests package)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
project="$work/pm"
"$root/cinch" init "$project" > /dev/null
for i in $(seq 1 "$n"); do echo "CALL cinch.create_tenant('t$i');"; done > "$work/create.sql"
"$root/cinch" --project "$project" sql -f "$work/create.sql" > /dev/null 2>&1
"$root/cinch" --project "$project" tenant list > /dev/null    # also writes the AppCDS archive if missing
time_of() {  # median wall time of 5 runs, in ms
  local times=()
  for _ in 1 2 3 4 5; do
    local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N); times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}
echo "tenants: $(sqlite3 "$project/cinch.db" 'SELECT COUNT(*) FROM tenants' 2>/dev/null || echo "$n+1")"
echo "java -version (JVM start only):          $(time_of java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version) ms"
echo "cinch --version (picocli, no project):  $(time_of "$root/cinch" --version) ms"
echo "cinch tenant list:                      $(time_of "$root/cinch" --project "$project" tenant list) ms"
echo "cinch tenant list, no AppCDS:           $(time_of java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -jar "$root/cli/target/cinch.jar" --project "$project" tenant list) ms"
echo "cinch stats (Calcite, tenant=*):        $(time_of "$root/cinch" --project "$project" stats) ms"
echo "sqlite3 cinch.db (list tenants):        $(time_of sqlite3 "$project/cinch.db" 'SELECT * FROM tenants') ms"
