#!/usr/bin/env python3
"""Benchmark driver (not a test). Runs commands as whole processes, alternating them round by round,
samples the resident memory of each process and of its children (jsii's Node) every 10 ms, and
prints min and median wall time and peak RSS per command, and ratios against the first one.
Linux /proc only; no dependencies.

  measure.py ROUNDS NAME=COMMAND [NAME=COMMAND ...]
"""
import json, os, shlex, statistics, subprocess, sys, time

def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def children(pid):
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out

def once(cmd):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    main_peak = child_peak = 0
    while proc.poll() is None:
        pids = children(proc.pid)
        # With shell=True the JVM may be a child of sh: treat the largest process as the main one.
        tree, stack = [], list(pids)
        while stack:
            pid = stack.pop()
            tree.append(pid)
            stack += children(pid)
        sizes = sorted((rss_kb(p) for p in [proc.pid] + tree), reverse=True)
        main_peak = max(main_peak, sizes[0] if sizes else 0)
        child_peak = max(child_peak, sum(sizes[1:]))
        time.sleep(0.01)
    wall = time.monotonic() - start
    output = proc.stdout.read()
    if proc.returncode != 0:
        sys.stderr.write(output)
        raise SystemExit(f"command failed ({proc.returncode}): {cmd}")
    return {"wall": wall, "main_mb": main_peak / 1024, "child_mb": child_peak / 1024,
            "last": (output.strip().splitlines() or [""])[-1]}

def main():
    rounds = int(sys.argv[1])
    commands = [arg.split("=", 1) for arg in sys.argv[2:]]
    for _, cmd in commands:          # warm-up: caches, compiled classes, jsii's package cache
        once(cmd)
    results = {name: [] for name, _ in commands}
    for _ in range(rounds):
        for name, cmd in commands:
            results[name].append(once(cmd))
    first = commands[0][0]
    print(f"{'command':<28} {'min_s':>7} {'median_s':>9} {'jvm_mb':>7} {'node_mb':>8}  ratio_to_{first}")
    for name, _ in commands:
        walls = [r["wall"] for r in results[name]]
        ratio = statistics.median(a["wall"] / b["wall"] for a, b in zip(results[first], results[name]))
        print(f"{name:<28} {min(walls):7.3f} {statistics.median(walls):9.3f}"
              f" {statistics.median(r['main_mb'] for r in results[name]):7.0f}"
              f" {statistics.median(r['child_mb'] for r in results[name]):8.0f}  {ratio:.2f}")
    print(json.dumps({name: [round(r["wall"], 3) for r in rs] for name, rs in results.items()}))

main()
