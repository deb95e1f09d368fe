#!/usr/bin/env bash
# Three importer nodes on one PostgreSQL, on this machine, as "Running several nodes" in the README
# describes: ports 8081, 8082 and 8083, each with a data directory of its own (they share no disk for
# the imports' data), one inbox they all watch, and one LeadLex key between them. LeadLex is played
# by a fourth process on port 8090: the built-in sandbox of an importer with its own H2 database and
# nothing to import, so that killing any node leaves "LeadLex" up.
#
#   samples/several-nodes/start-three-nodes.sh      # Ctrl-C stops all four
#
# Then drop a list into target/several-nodes/inbox/cmp_demo/, watch http://127.0.0.1:8081/ (or 8082,
# 8083: every dashboard shows every import and the node running it), ask
# curl -s http://127.0.0.1:8081/api/nodes, and kill -9 a node mid-import to see another finish it.
# Needs PostgreSQL at 127.0.0.1:5432 with trust auth (or IMPORTER_DB_URL / _USER / _PASSWORD).
set -euo pipefail
cd "$(dirname "$0")/../.."

db_url=${IMPORTER_DB_URL:-jdbc:postgresql://127.0.0.1:5432/leadlex_importer_nodes}
if [ -z "${IMPORTER_DB_URL:-}" ]; then
  psql -h 127.0.0.1 -U postgres -q -tc "SELECT 1 FROM pg_database WHERE datname = 'leadlex_importer_nodes'" \
    | grep -q 1 || psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE leadlex_importer_nodes"
fi
[ -f target/leadlex-importer.jar ] || mvn -B -q package -DskipTests

work="$(pwd)/target/several-nodes"   # absolute: H2 refuses a relative database path
mkdir -p "$work/inbox/cmp_demo"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' INT TERM EXIT

java -jar target/leadlex-importer.jar --server.port=8090 --leadlex.sandbox.enabled=true \
  --importer.data-dir="$work/leadlex/data" --importer.sources.inbox.enabled=false \
  >"$work/leadlex.log" 2>&1 &
pids+=($!)

for n in 1 2 3; do
  java -jar target/leadlex-importer.jar --spring.profiles.active=postgres \
    --spring.datasource.url="$db_url" \
    --server.port=$((8080 + n)) \
    --importer.node-name="node-$n" \
    --importer.data-dir="$work/node-$n/data" \
    --importer.inbox="$work/inbox" \
    --leadlex.base-url=http://127.0.0.1:8090/sandbox \
    --leadlex.api-key=wbk_sandbox_pro --leadlex.plan=pro \
    >"$work/node-$n.log" 2>&1 &
  pids+=($!)
done

echo "Starting LeadLex (sandbox) on 8090 and nodes on 8081, 8082, 8083; logs in $work/*.log"
for port in 8090 8081 8082 8083; do
  until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do sleep 1; done
  echo "  127.0.0.1:$port is ready"
done
echo "Drop lists into $work/inbox/cmp_demo/ (e.g. cp samples/contacts-1234.csv $work/inbox/cmp_demo/);"
echo "nodes: curl -s http://127.0.0.1:8081/api/nodes ; Ctrl-C stops everything."
wait
