#!/usr/bin/python3
"""The reference consumer as first specified, kept faithful so it can be measured against ours.

The design: a confluent_kafka Consumer in group `ecommerce-group` reading from the earliest offset in a
poll(1.0) loop; each message is json.loads'ed, its purchase timestamp parsed with
strptime('%Y-%m-%d %H:%M:%S'), enriched with the hour and the weekday name (strftime('%A')), and written with
one synchronous session.execute(prepared insert, values) at QUORUM through the DataStax Python driver
(protocol v3: Cassandra 2.1 does not negotiate down from the driver's default).

For measurement it stops after `--max-messages` messages or after `--idle` seconds without one, and prints a
machine-readable last line:
    BENCH {"role": "consumer", "messages": N, "seconds": S, "rate": R, ...}
`seconds` runs from the first message received to the last insert acknowledged (group join and the final
idle wait are excluded, and reported apart).

Run with Debian's interpreter: /usr/bin/python3 (python3-confluent-kafka, python3-cassandra).
"""
import argparse
import json
import sys
import time
import uuid
from datetime import datetime

from cassandra import ConsistencyLevel
from cassandra.cluster import Cluster
from confluent_kafka import Consumer, KafkaError

TS_FORMAT = "%Y-%m-%d %H:%M:%S"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--topic", default="ecommerce-orders")
    p.add_argument("--bootstrap", default="127.0.0.1:9092", help="bootstrap.servers")
    p.add_argument("--group", default="ecommerce-group")
    p.add_argument("--contact-points", default="127.0.0.1", help="comma-separated Cassandra hosts")
    p.add_argument("--keyspace", default="ecommerce")
    p.add_argument("--table", default="orders")
    p.add_argument("--max-messages", type=int, default=0, help="stop after N messages (0: no limit)")
    p.add_argument("--idle", type=float, default=10.0, help="stop after this many seconds without a message")
    p.add_argument("--quiet", action="store_true", help="do not print lines per message")
    return p.parse_args()


def parse_ts(value):
    # Missing values arrive as "" from the pandas fillna("") producer, or as null from ours.
    if value is None or value == "":
        return None
    return datetime.strptime(value, TS_FORMAT)


def main():
    args = parse_args()
    cluster = Cluster(args.contact_points.split(","), protocol_version=3)
    session = cluster.connect()
    insert = session.prepare(
        f"INSERT INTO {args.keyspace}.{args.table} (order_id, customer_id, order_status, "
        "order_purchase_timestamp, order_approved_at, order_delivered_carrier_date, "
        "order_delivered_customer_date, order_estimated_delivery_date, orderhour, orderdayofweek) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    insert.consistency_level = ConsistencyLevel.QUORUM

    consumer = Consumer({
        "bootstrap.servers": args.bootstrap,
        "group.id": args.group,
        "auto.offset.reset": "earliest",
        # Kafka 0.9 brokers do not answer ApiVersionRequest; librdkafka must be told the broker version.
        "api.version.request": False,
        "broker.version.fallback": "0.9.0.1",
    })
    consumer.subscribe([args.topic])

    started = time.perf_counter()
    first = None
    last = None
    count = 0
    errors = 0
    idle_since = time.perf_counter()
    try:
        while True:
            if args.max_messages and count >= args.max_messages:
                break
            msg = consumer.poll(1.0)
            if msg is None:
                if time.perf_counter() - idle_since >= args.idle:
                    break
                continue
            if msg.error():
                if msg.error().code() != KafkaError._PARTITION_EOF:
                    print(f"Consumer error: {msg.error()}")
                continue
            if first is None:
                first = time.perf_counter()
            order = json.loads(msg.value().decode("utf-8"))
            if not args.quiet:
                print(f"Received Order: {order['order_id']} from Customer: {order['customer_id']}")
            purchased = datetime.strptime(order["order_purchase_timestamp"], TS_FORMAT)
            order_hour = purchased.hour
            order_day_of_week = purchased.strftime("%A")
            try:
                session.execute(insert, (
                    uuid.UUID(order["order_id"]),
                    uuid.UUID(order["customer_id"]),
                    order["order_status"],
                    purchased,
                    parse_ts(order.get("order_approved_at")),
                    parse_ts(order.get("order_delivered_carrier_date")),
                    parse_ts(order.get("order_delivered_customer_date")),
                    parse_ts(order.get("order_estimated_delivery_date")),
                    order_hour,
                    order_day_of_week,
                ))
                if not args.quiet:
                    print(f"Inserted into Cassandra: Order ID {order['order_id']}, "
                          f"Customer ID {order['customer_id']}")
            except Exception as e:  # the original printed the error and went on
                errors += 1
                print(f"Failed to insert order {order['order_id']}: {e}")
            count += 1
            last = time.perf_counter()
            idle_since = last
    finally:
        consumer.close()
        cluster.shutdown()

    active = (last - first) if first is not None and last is not None else 0.0
    result = {
        "role": "consumer",
        "messages": count,
        "errors": errors,
        "seconds": round(active, 4),
        "wait_before_first_seconds": round((first - started) if first is not None else 0.0, 4),
        "rate": round(count / active, 1) if active > 0 else 0.0,
    }
    print("BENCH " + json.dumps(result))
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
