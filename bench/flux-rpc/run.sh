#!/bin/bash
# Runs the Flux connection benchmark (see README.md). Not part of `mvn verify`.
#   bench/flux-rpc/run.sh [--quick]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
if [ ! -f runner/target/flux-modprobe.jar ] || [ ! -d runner/target/test-classes/org/fluxmp/runner/flux ]; then
    mvn -B -q -o package -DskipTests >&2   # package compiles the test classes too (the fake broker)
    mvn -B -q -o test-compile -pl runner -am >&2
fi
cp="runner/target/flux-modprobe.jar:runner/target/lib/*:runner/target/test-classes"
exec java -cp "$cp" -Drepo="$repo" bench/flux-rpc/FluxRpcBench.java "$@"
