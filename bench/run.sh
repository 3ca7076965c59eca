#!/usr/bin/env bash
# Synth benchmark (not a test): wall time from JVM start and peak RSS of the JVM and of the jsii
# Node child, for stacks of N resources. Median of RUNS runs (default 3). Usage: bench/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

mvn -q -B -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true package
mvn -q -B dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt >/dev/null
mkdir -p bench/out/classes
cp="target/classes:$(cat bench/out/classpath.txt)"
javac -d bench/out/classes -cp "$cp" bench/SynthBench.java

printf '%-6s %-10s %-10s %-12s %-12s %s\n' N resources wall_s jvm_rss_mb node_rss_mb synth_ms
for n in 10 50 100 200; do
  results=()
  for _ in $(seq 1 "$runs"); do
    results+=("$(python3 bench/measure.py java -cp "bench/out/classes:$cp" SynthBench "$n" "bench/out/cdktf.out")")
  done
  printf '%s\n' "${results[@]}" | python3 bench/summarize.py "$n"
done
