#!/usr/bin/env bash
# The Kafka ceiling: Debian's kcat producing and consuming the same order messages our producer writes.
#
#   kcat.sh messages --csv ORDERS.csv --out MESSAGES.tsv     CSV -> "key<TAB>json" lines (our JSON contract)
#   kcat.sh produce  --brokers B --topic T --file MESSAGES.tsv
#   kcat.sh consume  --brokers B --topic T [--expect N]
#
# produce and consume print a machine-readable last line:
#   BENCH {"role": "kcat-produce", "messages": N, "seconds": S, "rate": R}
# Kafka 0.9 brokers do not answer ApiVersionRequest, so librdkafka is told the broker version
# (override with KCAT_BROKER_VERSION, e.g. 2.8.0 for a modern broker). acks=all, as our producer uses.
set -euo pipefail

die() { echo "kcat.sh: $*" >&2; exit 1; }
command -v kcat >/dev/null 2>&1 || die "kcat is not installed (bench/install-peers.sh installs it)"

cmd="${1:-}"; shift || true
brokers="127.0.0.1:9092" topic="ecommerce-orders" file="" csv="" out="" expect=""
while [ $# -gt 0 ]; do
  case "$1" in
    --brokers) brokers="$2"; shift 2 ;;
    --topic) topic="$2"; shift 2 ;;
    --file) file="$2"; shift 2 ;;
    --csv) csv="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --expect) expect="$2"; shift 2 ;;
    *) die "unknown argument '$1'" ;;
  esac
done

version="${KCAT_BROKER_VERSION:-0.9.0.1}"
compat=()
case "$version" in
  0.9*|0.8*) compat=(-X api.version.request=false -X "broker.version.fallback=$version") ;;
esac

now() { date +%s.%N; }
report() { # role messages start end
  awk -v role="$1" -v n="$2" -v s="$3" -v e="$4" 'BEGIN {
    d = e - s; r = (d > 0) ? n / d : 0
    printf "BENCH {\"role\": \"%s\", \"messages\": %d, \"seconds\": %.4f, \"rate\": %.1f}\n", role, n, d, r }'
}

case "$cmd" in
  messages)
    [ -n "$csv" ] && [ -n "$out" ] || die "messages needs --csv and --out"
    # The JSON contract (docs/architecture.md): the dataset's field names, quotes stripped, missing -> null,
    # key "{customer_id}_{order_id}". Only the shape matters for a ceiling; our producer's own cleaning is
    # not repeated here.
    /usr/bin/python3 - "$csv" "$out" <<'PY'
import csv, json, sys
src, dst = sys.argv[1], sys.argv[2]
with open(src, newline="", encoding="utf-8-sig") as f, open(dst, "w", encoding="utf-8") as o:
    for row in csv.DictReader(f):
        order = {k: (v.strip() or None) for k, v in row.items()}
        o.write(f"{order['customer_id']}_{order['order_id']}\t{json.dumps(order, separators=(',', ':'))}\n")
PY
    echo "kcat.sh: wrote $(wc -l <"$out") messages to $out" >&2
    ;;
  produce)
    [ -f "$file" ] || die "produce needs --file MESSAGES.tsv"
    n=$(wc -l <"$file")
    start=$(now)
    kcat -P -b "$brokers" -t "$topic" -K$'\t' -l "${compat[@]}" -X acks=all "$file"
    end=$(now)
    report kcat-produce "$n" "$start" "$end"
    ;;
  consume)
    start=$(now)
    n=$(kcat -C -b "$brokers" -t "$topic" -e -o beginning -q "${compat[@]}" | wc -l)
    end=$(now)
    if [ -n "$expect" ] && [ "$n" -ne "$expect" ]; then
      echo "kcat.sh: consumed $n messages, expected $expect" >&2
    fi
    report kcat-consume "$n" "$start" "$end"
    ;;
  *)
    sed -n '2,11p' "$0" >&2
    exit 1 ;;
esac
