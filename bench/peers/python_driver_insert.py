#!/usr/bin/python3
"""Peer baseline for `orderpipeline bench cql`: the DataStax Python driver (Debian python3-cassandra).

Inserts orders-shaped rows (the columns of ecommerce.orders, see schema/ecommerce.cql) into a scratch table
with a prepared INSERT at the given consistency, through execute_concurrent_with_args, and reports rows/s
and per-request latency percentiles. Protocol v3 is pinned: Cassandra 2.1 answers a v4 STARTUP with a
protocol error and driver 3.25 does not fall back by itself.

The last line of output is one JSON object (the machine-readable result), e.g.
{"peer": "python-driver", "rows": 50000, "concurrency": 64, "consistency": "QUORUM", "seconds": 9.1,
 "rows_per_s": 5494.5, "p50_ms": 10.2, "p99_ms": 31.0, "errors": 0}
"""
import argparse
import datetime
import json
import random
import sys
import threading
import time
import uuid

try:
    from cassandra import ConsistencyLevel
    from cassandra.cluster import Cluster
    from cassandra.concurrent import execute_concurrent_with_args
    from cassandra.policies import DCAwareRoundRobinPolicy, TokenAwarePolicy
except ImportError:
    sys.exit("python3-cassandra is required: apt-get install -y python3-cassandra (run with /usr/bin/python3)")

STATUSES = ["delivered", "shipped", "canceled", "invoiced", "processing", "unavailable", "approved"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--host", default="127.0.0.1", help="contact point (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=9042)
    p.add_argument("--rows", type=int, default=50000, help="rows to insert (default 50000)")
    p.add_argument("--concurrency", type=int, default=64, help="requests in flight (default 64)")
    p.add_argument("--consistency", default="QUORUM", help="consistency level name (default QUORUM)")
    p.add_argument("--keyspace", default="bench_peers", help="scratch keyspace (created if missing)")
    p.add_argument("--table", default="orders_python", help="scratch table (created and truncated)")
    p.add_argument("--replication-factor", type=int, default=1, help="for a newly created keyspace")
    p.add_argument("--warmup", type=int, default=2000, help="untimed rows inserted first (default 2000)")
    p.add_argument("--seed", type=int, default=42)
    return p.parse_args()


def make_rows(count, rnd):
    base = datetime.datetime(2017, 1, 1, tzinfo=datetime.timezone.utc)
    rows = []
    for _ in range(count):
        bought = base + datetime.timedelta(seconds=rnd.randrange(0, 600 * 86400))
        approved = bought + datetime.timedelta(minutes=rnd.randrange(5, 2000))
        carrier = approved + datetime.timedelta(hours=rnd.randrange(10, 200))
        delivered = carrier + datetime.timedelta(hours=rnd.randrange(24, 400))
        estimated = bought + datetime.timedelta(days=rnd.randrange(10, 40))
        rows.append((uuid.UUID(int=rnd.getrandbits(128), version=4), uuid.UUID(int=rnd.getrandbits(128), version=4),
                     bought, rnd.choice(STATUSES), approved, carrier, delivered, estimated,
                     bought.hour, DAYS[bought.weekday()]))
    return rows


def percentile(sorted_values, fraction):
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, int(round(fraction * len(sorted_values) + 0.5)) - 1))
    return sorted_values[index]


class LatencyRecorder:
    """Times every request the session sends (request init listener + response callbacks)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.samples = []
        self.enabled = False

    def on_request(self, future):
        if not self.enabled:
            return
        start = time.perf_counter()

        def done(_result, start=start):
            elapsed = time.perf_counter() - start
            with self.lock:
                self.samples.append(elapsed)

        future.add_callbacks(done, done)


def main():
    args = parse_args()
    level = getattr(ConsistencyLevel, args.consistency.upper(), None)
    if level is None:
        sys.exit("unknown consistency level %s" % args.consistency)

    cluster = Cluster([args.host], port=args.port, protocol_version=3,
                      load_balancing_policy=TokenAwarePolicy(DCAwareRoundRobinPolicy()))
    session = cluster.connect()
    session.default_timeout = 30
    session.execute("CREATE KEYSPACE IF NOT EXISTS %s WITH replication = "
                    "{'class': 'SimpleStrategy', 'replication_factor': %d}" % (args.keyspace, args.replication_factor))
    session.execute("""CREATE TABLE IF NOT EXISTS %s.%s (
        customer_id uuid, order_id uuid, order_purchase_timestamp timestamp, order_status text,
        order_approved_at timestamp, order_delivered_carrier_date timestamp,
        order_delivered_customer_date timestamp, order_estimated_delivery_date timestamp,
        orderhour int, orderdayofweek text,
        PRIMARY KEY ((customer_id), order_id, order_purchase_timestamp))""" % (args.keyspace, args.table))
    session.execute("TRUNCATE %s.%s" % (args.keyspace, args.table))

    insert = session.prepare(
        "INSERT INTO %s.%s (customer_id, order_id, order_purchase_timestamp, order_status, order_approved_at, "
        "order_delivered_carrier_date, order_delivered_customer_date, order_estimated_delivery_date, orderhour, "
        "orderdayofweek) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" % (args.keyspace, args.table))
    insert.consistency_level = level

    rnd = random.Random(args.seed)
    warmup = make_rows(args.warmup, rnd)
    rows = make_rows(args.rows, rnd)

    recorder = LatencyRecorder()
    session.add_request_init_listener(recorder.on_request)

    if warmup:
        execute_concurrent_with_args(session, insert, warmup, concurrency=args.concurrency, raise_on_first_error=False)

    recorder.enabled = True
    started = time.perf_counter()
    results = execute_concurrent_with_args(session, insert, rows, concurrency=args.concurrency,
                                           raise_on_first_error=False, results_generator=True)
    errors = 0
    first_error = None
    for success, outcome in results:
        if not success:
            errors += 1
            first_error = first_error or outcome
    seconds = time.perf_counter() - started
    recorder.enabled = False

    stored = session.execute("SELECT count(*) FROM %s.%s" % (args.keyspace, args.table), timeout=120).one()[0]
    cluster.shutdown()

    with recorder.lock:
        samples = sorted(recorder.samples)
    ok = args.rows - errors
    result = {
        "peer": "python-driver",
        "driver": "cassandra-driver " + __import__("cassandra").__version__,
        "host": args.host,
        "rows": args.rows,
        "concurrency": args.concurrency,
        "consistency": args.consistency.upper(),
        "seconds": round(seconds, 3),
        "rows_per_s": round(ok / seconds, 1) if seconds > 0 else 0.0,
        "p50_ms": round(percentile(samples, 0.50) * 1000, 3),
        "p99_ms": round(percentile(samples, 0.99) * 1000, 3),
        "latency_samples": len(samples),
        "errors": errors,
        "rows_in_table": stored,
    }
    print("python driver: %d rows in %.2f s = %.0f rows/s, p50 %.2f ms, p99 %.2f ms, %d errors%s" % (
        ok, seconds, result["rows_per_s"], result["p50_ms"], result["p99_ms"], errors,
        "" if first_error is None else " (first: %s)" % first_error))
    print(json.dumps(result))
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
