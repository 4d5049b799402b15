#!/bin/bash
# rc1's makespan on the simulated broker (built-in latencies, measured on a real
# broker) with W = 2 and W = 6: the plan's predicted makespan, the lower bound,
# and the measured makespan (median of RUNS runs) with the schedule's priority
# order and with first-come order. Run by hand; not part of `mvn verify`.
#
#   bench/rc1-makespan.sh [RUNS]      (default 9)
#
# Builds the project first (offline, tests skipped but compiled).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"
mvn -B -q -o package -DskipTests >&2
cp="runner/target/test-classes:runner/target/flux-modprobe.jar:runner/target/lib/*"
exec java -cp "$cp" org.fluxmp.runner.cli.Rc1MakespanBench "$root" "${1:-9}"
