#!/bin/bash
# Builds the project with the bench module and runs the planning benchmark.
#   bench/run.sh [TIME_LIMIT_MS [PLANS_PER_ROW]]
set -e
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -DskipTests package -pl bench -am
exec java -Xss8m -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.fluxmp.bench.PlanningBenchmark "$@"
