#!/bin/bash
# Boot and admin commands against a real flux-core, ours next to the Python original (issue 10).
# Run by hand, never in CI:
#   PATH=/path/to/flux-core/bin:$PATH bench/real-broker.sh [RUNS]     (default 10)
# Needs: flux (a real flux-core) on PATH, python3, and bash 5 ($EPOCHREALTIME).
#
# Every row is RUNS runs, interleaved (ours, original, ours, ...) so that both see the same
# machine; the medians and their ratio are printed, with the target of issue 10:
#   flux start /bin/true         whole command, ours as rc1 and rc3 against the default
#   rc1 / rc3 (broker log)       the broker's own count: rc1-success init->quorum,
#                                rc3-success finalize->goodbye
#   rc1 - last task end          broker's rc1 time minus the end of rc1's last task as
#                                --timing-file records it (launcher, JVM start, exit)
#   rc1 --dry-run, hit           inside an instance, plan cached, against
#                                `flux modprobe rc1 --dry-run`, and a Java hello world
#                                on the same JDK with its own AOT cache
#   show sched, explain sched,   inside an instance; explain has no counterpart in the
#   rc1 --dry-run, miss          original, so it is set against `flux modprobe show sched`;
#                                a miss is a run with an empty plan cache
set -euo pipefail
runs=${1:-10}
top=$(cd "$(dirname "$0")/.." && pwd)
ours=$top/bin/flux-modprobe
flux=$(command -v flux) || { echo "real-broker.sh: no flux on PATH" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FLUX_MODPROBE_CACHE=$work/cache
unset FLUX_MODPROBE_PATH FLUX_MODPROBE_BROKER FLUX_URI

# the launcher makes its archives on first use; the first boot plans and caches
"$ours" rc1 --dry-run >/dev/null 2>&1 || true
java=
for launch in "$top/runner/target/flux-modprobe.launch" "$top/lib/flux-modprobe/flux-modprobe.launch"; do
    [ -f "$launch" ] && java=$(sed -n 's/^java=//p' "$launch")
done
[ -n "$java" ] || { echo "real-broker.sh: the launcher made no archives (see bin/flux-modprobe)" >&2; exit 1; }
cat >"$work/Hello.java" <<'J'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
J
mkdir "$work/hello"
"${java%/java}/javac" -d "$work/hello" "$work/Hello.java"
"${java%/java}/jar" cf "$work/hello.jar" -C "$work/hello" .   # an AOT cache takes jars, not directories
"$java" -XX:AOTCacheOutput="$work/hello.aot" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$work/hello.jar" Hello >/dev/null 2>&1
hello=("$java" -XX:AOTCache="$work/hello.aot" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -cp "$work/hello.jar" Hello)

ms() { # START END -> milliseconds
    python3 -c "import sys; print(round((float(sys.argv[2]) - float(sys.argv[1])) * 1000, 1))" "$1" "$2"
}

broker_ms() { # WHAT LOG: the broker's time for WHAT in ms (it prints "0.35s", or "95.4ms" under 0.1 s)
    python3 - "$1" "$2" <<'P'
import re, sys
m = re.search(re.escape(sys.argv[1]) + r" ([0-9.]+)(ms|s)\b", open(sys.argv[2]).read())
print(round(float(m.group(1)) * (1 if m.group(2) == "ms" else 1000), 1))
P
}

record() { # FILE VALUE
    echo "$2" >>"$work/$1"
}

# ---- flux start /bin/true, and the broker's rc1/rc3 times ----
start_once() { # WHO
    local log=$work/log t0 t1 extra=()
    if [ "$1" = ours ]; then
        extra=(-Sbroker.rc1_path="$ours rc1 --timing-file $work/t.json" -Sbroker.rc3_path="$ours rc3")
    fi
    t0=$EPOCHREALTIME
    "$flux" start -Slog-stderr-level=6 "${extra[@]}" /bin/true 2>"$log"
    t1=$EPOCHREALTIME
    record "start.$1" "$(ms "$t0" "$t1")"
    record "rc1.$1" "$(broker_ms 'rc1-success: init->quorum' "$log")"
    record "rc3.$1" "$(broker_ms 'rc3-success: finalize->goodbye' "$log")"
    if [ "$1" = ours ]; then
        python3 - "$work/t.json" "$(tail -1 "$work/rc1.ours")" >>"$work/rc1gap.ours" <<'P'
import json, sys
tasks = json.load(open(sys.argv[1]))
end = max(t["starttime"] + t["duration"] for t in tasks) * 1000
print(round(float(sys.argv[2]) - end, 1))
P
        python3 -c 'import json,sys; print(round(min(t["starttime"] for t in json.load(open(sys.argv[1])) if t["name"] not in ("configure","solve"))*1000,1))' "$work/t.json" >>"$work/firstload.ours"
    fi
}
start_once ours; start_once original     # warm-up, not counted
rm -f "$work"/start.* "$work"/rc[13].* "$work"/rc1gap.* "$work"/firstload.*
for _ in $(seq "$runs"); do
    start_once ours
    start_once original
done

# ---- inside an instance: the commands an admin types ----
cat >"$work/inside.sh" <<EOF
#!/bin/bash
set -u
cd "$work"
t() { # FILE COMMAND...: one timed run, output discarded
    local f=\$1 t0 t1; shift
    t0=\$EPOCHREALTIME; "\$@" >/dev/null 2>&1; t1=\$EPOCHREALTIME
    python3 -c "import sys; print(round((float(sys.argv[2]) - float(sys.argv[1])) * 1000, 1))" "\$t0" "\$t1" >>"$work/\$f"
}
"$ours" rc1 --dry-run >/dev/null 2>&1          # plans and caches, as a first boot would
for i in \$(seq $runs); do
    t hit.ours "$ours" rc1 --dry-run
    t hit.original flux modprobe rc1 --dry-run
    t hello.java ${hello[*]}
    t show.ours "$ours" show sched
    t show.original flux modprobe show sched
    t explain.ours "$ours" explain sched
    t explain.original flux modprobe show sched
    t miss.ours env FLUX_MODPROBE_CACHE="$work/miss-\$i" "$ours" rc1 --dry-run
    t miss.original flux modprobe rc1 --dry-run
done
EOF
chmod +x "$work/inside.sh"
"$flux" start "$work/inside.sh"

median() { sort -n "$work/$1" | python3 -c 'import statistics, sys; print(round(statistics.median(float(x) for x in sys.stdin), 1))'; }
row() { # LABEL OURS THEIRS TARGET-RATIO
    local a b
    a=$(median "$2"); b=$(median "$3")
    python3 - "$1" "$a" "$b" "$4" <<'P'
import sys
label, a, b, target = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
r = a / b
print(f"| {label} | {a:.0f} | {b:.0f} | {r:.2f} | <= {target:g} | {'met' if r <= target else 'MISSED'} |")
P
}
echo "medians of $runs interleaved runs, ms; $(flux version | sed -n 's/^commands: *//p') ; $("$java" -version 2>&1 | head -1)"
echo
echo "| measure | ours | original | ratio | target | |"
echo "|---|---|---|---|---|---|"
row "flux start /bin/true" start.ours start.original 0.9
row "rc1 (broker log)" rc1.ours rc1.original 0.999
row "rc3 (broker log)" rc3.ours rc3.original 0.999
row "rc1 --dry-run, plan cached" hit.ours hit.original 0.6
row "rc1 --dry-run, plan cached, vs Java hello" hit.ours hello.java 2
row "show sched" show.ours show.original 2
row "explain sched (vs show sched)" explain.ours explain.original 2
row "rc1 --dry-run, cache miss" miss.ours miss.original 2
echo
gap=$(median rc1gap.ours)
first=$(median firstload.ours)
echo "rc1 in the broker log minus the end of its last task (--timing-file): $gap ms (target <= 25)"
echo "first module load request after main(): $first ms (target <= 5)"
echo "Java hello world with an AOT cache: $(median hello.java) ms"
