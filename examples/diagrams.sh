#!/usr/bin/env bash
# Regenerates examples/<name>/architecture.svg for every example: synthesize it with the growstack
# CLI, then lay out its diagram with Graphviz dot. Run from anywhere: examples/diagrams.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1 JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
command -v dot >/dev/null || { echo "diagrams.sh: Graphviz dot is needed (apt-get install graphviz)" >&2; exit 1; }
mvn -q -B -DskipTests test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/diagram-classpath.txt >/dev/null
cp="target/classes:target/test-classes:$(cat target/diagram-classpath.txt)"
for dir in examples/*/; do
  name=$(basename "$dir")
  [ -f "$dir/pom.xml" ] || continue
  out="target/diagrams/$name"
  rm -rf "$out"
  java -cp "$cp" io.growstack.cli.Main synth --example "$name" --out "$out" >/dev/null
  # The stack named like the example is its main stack (v5-next also has a bootstrap stack).
  java -cp "$cp" io.growstack.cli.Main diagram --stack-file "$out/stacks/$name/cdk.tf.json" --output "$dir/architecture.svg"
done
