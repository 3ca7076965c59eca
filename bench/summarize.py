#!/usr/bin/env python3
"""Reads measure.py's JSON lines for one N from stdin and prints the medians as one table row."""
import json, statistics, sys

n = sys.argv[1]
rows = [json.loads(line) for line in sys.stdin if line.strip()]
fields = [dict(kv.split("=") for kv in r["output"].split()) for r in rows]
med = lambda key: statistics.median(r[key] for r in rows)
synth = statistics.median(int(f["synth_ms"]) for f in fields)
print(f"{n:<6} {fields[0]['resources']:<10} {med('wall_s'):<10} {med('jvm_rss_mb'):<12} {med('node_rss_mb'):<12} {synth}")
