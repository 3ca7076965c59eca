#!/usr/bin/env python3
"""Runs a command, samples the resident memory of the JVM and of its jsii Node child every 10 ms,
and prints wall time and each one's peak RSS as JSON. Linux /proc only; no dependencies."""
import json, os, subprocess, sys, time

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

def main():
    cmd = sys.argv[1:]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    jvm_peak = node_peak = 0
    while proc.poll() is None:
        jvm_peak = max(jvm_peak, rss_kb(proc.pid))
        stack = children(proc.pid)
        node = 0
        while stack:
            pid = stack.pop()
            node += rss_kb(pid)
            stack += children(pid)
        node_peak = max(node_peak, node)
        time.sleep(0.01)
    wall = time.monotonic() - start
    output = proc.stdout.read()
    if proc.returncode != 0:
        sys.stderr.write(output)
        sys.exit(proc.returncode)
    print(json.dumps({"wall_s": round(wall, 3), "jvm_rss_mb": round(jvm_peak / 1024, 1),
                      "node_rss_mb": round(node_peak / 1024, 1), "output": output.strip().splitlines()[-1]}))

main()
