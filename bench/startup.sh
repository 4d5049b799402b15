#!/bin/bash
# Whole-process start-up benchmark (issue: fast boot). Run by hand, not in CI:
#   bench/startup.sh [RUNS]          (default 10 runs per row, after 2 warm-ups)
# Needs hyperfine, jq and GNU time (apt-get install -y hyperfine jq time).
# For JDK 17 (/usr/lib/jvm/java-17-openjdk-amd64) and JDK 25 (temurin-25, if
# installed) it prints, per command: median/min/max wall time (ms), peak RSS (MiB)
# and the number of classes loaded. The launcher makes its class-data archive on
# the first run of each JDK, outside the timed runs.
set -euo pipefail
runs=${1:-10}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
mp=$top/bin/flux-modprobe
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/path" "$work/cache"
export FLUX_MODPROBE_PATH=$work/path FLUX_MODPROBE_CACHE=$work/cache LC_ALL=C
unset FLUX_URI FLUX_MODPROBE_BROKER

cat >"$work/Hello.java" <<'J'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
J
printf '[latency]\ndefault = 0\n' >"$work/zero.toml"

row() { # LABEL COMMAND...
    local label=$1; shift
    hyperfine -N -w 2 -r "$runs" --export-json "$work/h.json" "$*" >/dev/null 2>&1 || { printf '%-34s failed\n' "$label"; return; }
    local med min max rss classes
    med=$(jq '.results[0].median*1000|floor' "$work/h.json")
    min=$(jq '.results[0].min*1000|floor' "$work/h.json")
    max=$(jq '.results[0].max*1000|floor' "$work/h.json")
    rss=$( /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 )
    classes=$(JDK_JAVA_OPTIONS=-Xlog:class+load=info:file="$work/cl.txt" "$@" >/dev/null 2>&1; grep -c 'class,load' "$work/cl.txt" || true)
    printf '%-34s %7s %7s %7s %8s %8s\n' "$label" "$med" "$min" "$max" "$((rss / 1024))" "$classes"
}

for jdk in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64; do
    [ -x "$jdk/bin/java" ] || continue
    export JAVA_HOME=$jdk
    "$jdk/bin/javac" -d "$work" "$work/Hello.java"
    "$mp" show heartbeat >/dev/null   # makes the launcher's archive for this JDK
    echo "== $("$jdk/bin/java" -version 2>&1 | head -1)"
    printf '%-34s %7s %7s %7s %8s %8s\n' command median min max "RSS MiB" classes
    row "java Hello (the floor)" "$jdk/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$work" Hello
    row "show sched" "$mp" show sched
    row "rc1 --dry-run, cache miss" "$mp" rc1 --dry-run --no-cache
    "$mp" rc1 --dry-run >/dev/null     # stores the plan
    row "rc1 --dry-run, cache hit" "$mp" rc1 --dry-run
    "$mp" rc1 --broker="sim:$work/zero.toml" >/dev/null 2>&1
    row "rc1 sim, 0 latency, cache hit" "$mp" rc1 --broker="sim:$work/zero.toml"
done
