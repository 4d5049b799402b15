#!/bin/bash
# Builds the project with the bench module and runs the proof benchmark of issue 17.
#   bench/proof.sh [TIME_LIMIT_MS [PLANS_PER_ROW]]
set -e
cd "$(dirname "$0")/.."
mvn -B -q -o -Pbench -DskipTests package -pl bench -am
exec java -Xss8m -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.fluxmp.bench.ProofBenchmark "$@"
