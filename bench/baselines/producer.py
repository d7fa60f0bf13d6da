#!/usr/bin/python3
"""The reference producer as first specified, kept faithful so it can be measured against ours.

The design: pandas reads the whole CSV, missing values become "", and each row is turned into a dict, dumped
to JSON and produced to `ecommerce-orders` with the key "{customer_id}_{order_id}" and a delivery callback
that prints one line per message; the producer is flushed after every message, and the original also slept
0.1 s per message "to simulate real-time".

Flags only switch parts of the design off for measurement (never faster tricks): `--no-flush-per-message`
flushes once at the end, `--sleep` restores the 0.1 s sleep, `--quiet` silences the per-message prints
(a terminal would otherwise be the bottleneck). The last line printed is machine-readable:
    BENCH {"role": "producer", "messages": N, "seconds": S, "rate": R, ...}

Run with Debian's interpreter: /usr/bin/python3 (python3-confluent-kafka, python3-pandas).
"""
import argparse
import json
import sys
import time

import pandas as pd
from confluent_kafka import Producer


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--csv", required=True, help="orders CSV (olist_orders_dataset.csv format)")
    p.add_argument("--topic", default="ecommerce-orders")
    p.add_argument("--bootstrap", default="127.0.0.1:9092", help="bootstrap.servers")
    p.add_argument("--no-flush-per-message", action="store_true",
                   help="flush once at the end instead of after every message")
    p.add_argument("--sleep", action="store_true", help="sleep 0.1 s per message, as the original did")
    p.add_argument("--quiet", action="store_true", help="do not print a line per delivered message")
    p.add_argument("--limit", type=int, default=0, help="produce at most N rows (0: all)")
    return p.parse_args()


def main():
    args = parse_args()
    delivered = 0
    failed = 0

    def delivery_report(err, msg):
        nonlocal delivered, failed
        if err is not None:
            failed += 1
            print(f"Message delivery failed: {err}")
        else:
            delivered += 1
            if not args.quiet:
                print(f"Message delivered to {msg.topic()} [{msg.partition()}]")

    producer = Producer({
        "bootstrap.servers": args.bootstrap,
        # Kafka 0.9 brokers do not answer ApiVersionRequest; librdkafka must be told the broker version.
        "api.version.request": False,
        "broker.version.fallback": "0.9.0.1",
    })

    started = time.perf_counter()
    df = pd.read_csv(args.csv)
    df = df.fillna("")
    read_seconds = time.perf_counter() - started

    count = 0
    for _, row in df.iterrows():
        if args.limit and count >= args.limit:
            break
        order = row.to_dict()
        key = f"{order['customer_id']}_{order['order_id']}"
        producer.produce(args.topic, key=key, value=json.dumps(order), callback=delivery_report)
        if not args.no_flush_per_message:
            producer.flush()
        else:
            producer.poll(0)
        count += 1
        if args.sleep:
            time.sleep(0.1)
    producer.flush()
    seconds = time.perf_counter() - started

    result = {
        "role": "producer",
        "messages": count,
        "delivered": delivered,
        "failed": failed,
        "seconds": round(seconds, 4),
        "read_csv_seconds": round(read_seconds, 4),
        "rate": round(count / seconds, 1) if seconds > 0 else 0.0,
        "flush_per_message": not args.no_flush_per_message,
        "sleep": args.sleep,
    }
    print("BENCH " + json.dumps(result))
    return 0 if failed == 0 and delivered == count else 1


if __name__ == "__main__":
    sys.exit(main())
