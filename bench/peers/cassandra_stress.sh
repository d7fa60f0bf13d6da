#!/usr/bin/env bash
# Peer baseline for `orderpipeline bench cql`: the cassandra-stress tool bundled with Cassandra 2.1.
# Two workloads, both prepared statements over the native protocol at the given consistency:
#   --workload orders (default): user profile=cassandra-stress-orders.yaml ops(insert=1) n=N cl=CL
#       -mode native cql3 prepared -rate threads=T -node HOST
#     orders-shaped rows into bench_peers.orders_stress (the same shape the Python peer and bench cql write);
#     the profile creates its schema over CQL.
#   --workload write: write n=N cl=CL -mode native cql3 prepared -rate threads=T -node HOST
#     stress's own keyspace1.standard1.
# Cassandra 2.1.0's stress needs Thrift (rpc_port 9160, start_rpc: true) on the node in both workloads, even
# with -mode native: `write` creates its schema over Thrift and `user` reads table metadata over Thrift. The
# script checks the port first. The stack's nodes run without Thrift (start_rpc: false) unless started with
# `orderpipeline stack up --thrift` (or ORDERPIPELINE_STACK_THRIFT=1), which `bench cql` and `bench all` need.
# The script starts the stress JVM directly with the same Java 17 flags the stack gives the server (Cassandra
# 2.1's classes reach into JDK internals Java 17 closes), then parses the summary.
# The last line of output is one JSON object, e.g.
#   {"peer":"cassandra-stress","node":"127.0.0.1","n":200000,"threads":64,"consistency":"QUORUM",
#    "op_rate":25000,"latency_median_ms":2.1,"latency_99_ms":9.8,"seconds":8.0}
#
# Usage: bench/peers/cassandra_stress.sh [--node HOST] [--n 200000] [--threads 64] [--cl QUORUM]
#          [--workload orders|write] [--thrift-port 9160] [--max-seconds 1800] [--cassandra-home DIR] [--log FILE]
set -euo pipefail

node=127.0.0.1 n=200000 threads=64 cl=QUORUM home="" log="" workload=orders thrift_port=9160 max_seconds=1800
while [ $# -gt 0 ]; do
  case "$1" in
    --node) node="$2"; shift 2 ;;
    --n) n="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --cl) cl="$2"; shift 2 ;;
    --cassandra-home) home="$2"; shift 2 ;;
    --log) log="$2"; shift 2 ;;
    --workload) workload="$2"; shift 2 ;;
    --thrift-port) thrift_port="$2"; shift 2 ;;
    --max-seconds) max_seconds="$2"; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "cassandra_stress.sh: unknown argument $1 (see --help)" >&2; exit 1 ;;
  esac
done

# The stack's install cache (ORDERPIPELINE_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache /orderpipeline/dist).
if [ -z "$home" ]; then
  cache="${ORDERPIPELINE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/orderpipeline/dist}"
  home="$(ls -d "$cache"/cassandra-*/package/apache-cassandra-2.1.* 2>/dev/null | head -n 1 || true)"
fi
if [ -z "$home" ] || [ ! -f "$home/tools/lib/stress.jar" ]; then
  echo "cassandra_stress.sh: Cassandra 2.1 with tools/lib/stress.jar not found; run 'orderpipeline stack up' once or pass --cassandra-home." >&2
  exit 2
fi

opens=()
for package in java.lang java.lang.reflect java.util java.util.concurrent java.util.concurrent.atomic \
  java.util.concurrent.locks java.io java.nio java.nio.channels sun.nio.ch java.net java.lang.ref java.security \
  jdk.internal.misc jdk.internal.ref java.math java.text sun.security.util; do
  opens+=(--add-opens "java.base/$package=ALL-UNNAMED")
done

if ! (exec 3<>"/dev/tcp/$node/$thrift_port") 2>/dev/null; then
  echo "cassandra_stress.sh: no Thrift listener on $node:$thrift_port; Cassandra 2.1.0's stress needs one: restart the stack with Thrift (orderpipeline stack down; orderpipeline stack up --thrift)." >&2
  exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
case "$workload" in
  orders) command=(user "profile=$here/cassandra-stress-orders.yaml" "ops(insert=1)") ;;
  write) command=(write) ;;
  *) echo "cassandra_stress.sh: --workload must be orders or write" >&2; exit 1 ;;
esac

classpath="$home/conf:$home/lib/*:$home/tools/lib/*"
[ -n "$log" ] || log="$(mktemp -t cassandra-stress.XXXXXX.log)"
started=$(date +%s.%N)
set +e
# After a failure stress's driver threads can keep the JVM alive; the timeout bounds the run.
timeout --kill-after=10 "$max_seconds" java -Xmx512m -server -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true \
  -Dlogback.configurationFile="$home/conf/logback-tools.xml" \
  -Dcassandra.storagedir="${TMPDIR:-/tmp}/cassandra-stress-storage" \
  "${opens[@]}" --add-exports java.base/jdk.internal.ref=ALL-UNNAMED --add-exports java.base/sun.nio.ch=ALL-UNNAMED \
  -cp "$classpath" org.apache.cassandra.stress.Stress \
  "${command[@]}" "n=$n" "cl=$cl" -mode native cql3 prepared -rate "threads=$threads" -node "$node" -port "thrift=$thrift_port" >"$log" 2>&1
status=$?
set -e
ended=$(date +%s.%N)

if [ $status -ne 0 ] || ! grep -q '^op rate' "$log"; then
  tail -n 30 "$log" >&2
  echo "cassandra_stress.sh: cassandra-stress failed (exit $status); full output in $log" >&2
  exit 2
fi

field() { grep -m1 "^$1" "$log" | sed -E 's/^[^:]*:[[:space:]]*//; s/[[:space:]].*$//'; }
op_rate=$(field 'op rate')
median=$(field 'latency median')
p99=$(field 'latency 99th percentile')
seconds=$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.1f", b - a }')

echo "cassandra-stress ($workload): $op_rate ops/s (median $median ms, p99 $p99 ms) with $threads threads at $cl against $node; log $log"
printf '{"peer":"cassandra-stress","workload":"%s","node":"%s","n":%s,"threads":%s,"consistency":"%s","op_rate":%s,"latency_median_ms":%s,"latency_99_ms":%s,"seconds":%s}\n' \
  "$workload" "$node" "$n" "$threads" "$cl" "$op_rate" "$median" "$p99" "$seconds"
