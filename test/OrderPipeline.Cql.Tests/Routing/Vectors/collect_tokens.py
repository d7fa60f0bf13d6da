#!/usr/bin/python3
"""Collects Murmur3 token vectors from a real Cassandra: writes keys of many shapes, reads back token(k).

Output (stdout): CSV lines `components_hex,token` where components_hex is the serialized partition key
components in hex, ':'-separated for composite keys. Usage:
  /usr/bin/python3 collect_tokens.py HOST > cassandra21-tokens.csv
Needs python3-cassandra (protocol v3 for Cassandra 2.1).
"""
import random
import struct
import sys
import uuid

from cassandra.cluster import Cluster

host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
cluster = Cluster([host], protocol_version=3)
s = cluster.connect()
ks = "routing_vectors"
s.execute("DROP KEYSPACE IF EXISTS %s" % ks)
s.execute("CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}" % ks)
s.execute("USE %s" % ks)
s.execute("CREATE TABLE b (k blob PRIMARY KEY)")
s.execute("CREATE TABLE t (k text PRIMARY KEY)")
s.execute("CREATE TABLE i (k int PRIMARY KEY)")
s.execute("CREATE TABLE l (k bigint PRIMARY KEY)")
s.execute("CREATE TABLE u (k uuid PRIMARY KEY)")
s.execute("CREATE TABLE c2 (a text, b int, PRIMARY KEY ((a, b)))")
s.execute("CREATE TABLE c3 (a uuid, b blob, c bigint, PRIMARY KEY ((a, b, c)))")

rnd = random.Random(2026)
out = []

# Blobs of every length 1..40 with random bytes (many tails have the high bit set), plus edge patterns.
blobs = [bytes(rnd.getrandbits(8) for _ in range(n)) for n in range(1, 41)]
blobs += [b"\x80", b"\xff", b"\x7f", b"\xff" * 15, b"\x80" * 17, b"\x00" * 31, bytes(range(256))]
for value in blobs:
    s.execute("INSERT INTO b (k) VALUES (%s)", [value])
    token = s.execute("SELECT token(k) FROM b WHERE k = %s", [value]).one()[0]
    out.append((value.hex(), token))

for value in ["a", "123", "customer", "São Paulo", "日本語のキー", "x" * 100]:
    s.execute("INSERT INTO t (k) VALUES (%s)", [value])
    token = s.execute("SELECT token(k) FROM t WHERE k = %s", [value]).one()[0]
    out.append((value.encode("utf-8").hex(), token))

for value in [0, 1, -1, 42, 2147483647, -2147483648]:
    s.execute("INSERT INTO i (k) VALUES (%s)", [value])
    token = s.execute("SELECT token(k) FROM i WHERE k = %s", [value]).one()[0]
    out.append((struct.pack(">i", value).hex(), token))

for value in [0, 1, -1, 9223372036854775807, -9223372036854775808]:
    s.execute("INSERT INTO l (k) VALUES (%s)", [value])
    token = s.execute("SELECT token(k) FROM l WHERE k = %s", [value]).one()[0]
    out.append((struct.pack(">q", value).hex(), token))

for value in [uuid.UUID("e481f51c-bdc5-4678-b7cc-49136f2d6af7"), uuid.UUID(int=0), uuid.UUID(int=(1 << 128) - 1)]:
    s.execute("INSERT INTO u (k) VALUES (%s)", [value])
    token = s.execute("SELECT token(k) FROM u WHERE k = %s", [value]).one()[0]
    out.append((value.bytes.hex(), token))

for a, b in [("a", 1), ("", 0), ("São", -5), ("long text " * 20, 2147483647)]:
    s.execute("INSERT INTO c2 (a, b) VALUES (%s, %s)", [a, b])
    token = s.execute("SELECT token(a, b) FROM c2 WHERE a = %s AND b = %s", [a, b]).one()[0]
    out.append((a.encode("utf-8").hex() + ":" + struct.pack(">i", b).hex(), token))

for _ in range(5):
    a = uuid.UUID(int=rnd.getrandbits(128))
    b = bytes(rnd.getrandbits(8) for _ in range(rnd.randrange(0, 20)))
    c = rnd.randrange(-(1 << 63), 1 << 63)
    s.execute("INSERT INTO c3 (a, b, c) VALUES (%s, %s, %s)", [a, b, c])
    token = s.execute("SELECT token(a, b, c) FROM c3 WHERE a = %s AND b = %s AND c = %s", [a, b, c]).one()[0]
    out.append((a.bytes.hex() + ":" + b.hex() + ":" + struct.pack(">q", c).hex(), token))

version = s.execute("SELECT release_version FROM system.local").one()[0]
s.execute("DROP KEYSPACE %s" % ks)
cluster.shutdown()
print("# Murmur3 tokens read from Cassandra %s with SELECT token(...): components_hex,token" % version)
for key, token in out:
    print("%s,%d" % (key, token))
