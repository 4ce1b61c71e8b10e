#!/usr/bin/env python3
"""Prints JMH JSON results (benchmarks/results/*.json) as a table with mean, median, min and max per benchmark."""
import json
import statistics
import sys

for path in sys.argv[1:]:
    for r in json.load(open(path)):
        m = r["primaryMetric"]
        raw = [x for fork in m["rawData"] for x in fork]
        params = ",".join(f"{k}={v}" for k, v in sorted((r.get("params") or {}).items()))
        name = r["benchmark"].replace("io.cinch.bench.", "")
        print(f"{name:45s} {params:40s} n={len(raw):2d} mean={m['score']:10.3f} median={statistics.median(raw):10.3f} "
              f"min={min(raw):10.3f} max={max(raw):10.3f} {m['scoreUnit']}")
