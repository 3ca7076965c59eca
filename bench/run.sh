#!/usr/bin/env bash
# Synth benchmark (not a test; minutes, not seconds). Prints two tables:
#  1. the peer (cdktf 0.19.2 + prebuilt AWS bindings, the seed's v4 architecture; ../shared/bench/
#     peer-cdktf-aws) against our v4 example through our CLI, alternated round by round;
#  2. stacks of N = 10, 100, 400, 1000 resources from real blocks and from plain resources, with
#     the cost of each extra resource between N = 100 and N = 1000.
# Usage: bench/run.sh [ROUNDS]   (default 5). The third command of table 1 is the `growstack`
# launcher of the distribution `package` builds (target/growstack); the fourth, the floor: an empty
# cdktf app and stack through `java -cp` (the JVM, jsii starting Node, cdktf's JavaScript), no growstack.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
peer="${GROWSTACK_PEER:-../shared/bench/peer-cdktf-aws}"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

mvn -q -B -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -Dinvoker.skip=true package
# Runtime scope: the class path a user of the library has (no test libraries).
mvn -q -B dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=bench/out/classpath.txt >/dev/null
mkdir -p bench/out/classes
examples="target/example-classes"
[ -d "$examples" ] || examples="target/test-classes"
cp="$(pwd)/target/classes:$(pwd)/$examples:$(cat bench/out/classpath.txt)"
javac -d bench/out/classes -cp "$cp" bench/SynthBench.java
out="$(pwd)/bench/out"

echo "== v4: the peer against our CLI (synth with its summary), $rounds alternated rounds =="
cmds=("peer-cdktf-aws=bash $peer/run.sh $out/peer.out"
      "growstack-v4=cd examples/v4-high-availability && java -cp $cp io.growstack.cli.Main synth --example v4-high-availability --out $out/v4.out"
      "growstack-launcher-v4=cd examples/v4-high-availability && ../../target/growstack/bin/growstack synth --example v4-high-availability --out $out/v4-launcher.out"
      "cdktf-floor=java -cp bench/out/classes:$cp SynthBench floor 0 $out/floor.out")
python3 bench/measure.py "$rounds" "${cmds[@]}"

echo
echo "== N-resource stacks (median of $rounds) =="
cmds=()
for kind in blocks plain; do
  for n in 10 100 400 1000; do
    cmds+=("$kind-$n=java -cp bench/out/classes:$cp SynthBench $kind $n $out/$kind-$n.out")
  done
done
python3 bench/measure.py "$rounds" "${cmds[@]}" | tee bench/out/sizes.txt
python3 - bench/out/sizes.txt <<'PY'
import json, statistics, sys
runs = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
for kind in ("blocks", "plain"):
    extra = (statistics.median(runs[f"{kind}-1000"]) - statistics.median(runs[f"{kind}-100"])) / 900
    print(f"{kind}: {extra * 1000:.3f} ms per extra resource between N = 100 and N = 1000")
PY
