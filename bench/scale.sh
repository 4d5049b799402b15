#!/bin/bash
# Cluster scale (issue 11): whole-process times of the launcher, side by side in one run.
#   bench/scale.sh [RUNS]        (default 10 runs of each command, after one warm-up)
# Prints, as medians of RUNS (hyperfine), with each ratio and the issue's target:
#   compile --ranks 0 against compile --ranks 0-16383, and the same for solve --ranks, on the
#   built-in configuration and on a generated site-like one (SiteConfig: about 200 modules and
#   tasks, 50 distinct rank expressions);
#   solve of a generated rc file of 200, 10,000 and 30,000 tasks (LargeRcFile), with peak RSS.
# Needs hyperfine, python3 and GNU time (apt-get install -y hyperfine time).
set -euo pipefail
runs=${1:-10}
cd "$(dirname "$0")/.."
home=$PWD
mvn -B -q -Pbench -DskipTests package -pl bench -am
bin/flux-modprobe --version >/dev/null # builds the launcher's archives if needed
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp "$cp" org.fluxmp.bench.SiteConfig "$work/site"
for n in 200 10000 30000; do
    java -cp "$cp" org.fluxmp.bench.LargeRcFile "$n" "$work/rc$n.toml"
done
export FLUX_MODPROBE_CACHE=$work/cache
unset FLUX_URI FLUX_MODPROBE_PATH FLUX_MODPROBE_PATH_APPEND FLUX_MODPROBE_BROKER

measure() { # NAME COMMAND...: hyperfine median (s) into $work/NAME.json, peak RSS (KB) into $work/NAME.rss
    local name=$1
    shift
    hyperfine -N -w 1 -r "$runs" --prepare "rm -rf $work/cache" --export-json "$work/$name.json" "$*" >/dev/null
    rm -rf "$work/cache"
    /usr/bin/time -f %M -o "$work/$name.rss" "$@" >/dev/null
}

site=(env "FLUX_MODPROBE_PATH=$work/site")
builtin=(env "FLUX_MODPROBE_PATH=$work/none")
for what in compile solve; do
    measure "$what-builtin-0" "${builtin[@]}" "$home/bin/flux-modprobe" "$what" --ranks 0
    measure "$what-builtin-all" "${builtin[@]}" "$home/bin/flux-modprobe" "$what" --ranks 0-16383
    measure "$what-site-0" "${site[@]}" "$home/bin/flux-modprobe" "$what" --ranks 0
    measure "$what-site-all" "${site[@]}" "$home/bin/flux-modprobe" "$what" --ranks 0-16383
done
for n in 200 10000 30000; do
    measure "rc$n" "$home/bin/flux-modprobe" solve "$work/rc$n.toml"
done
classes=$("${site[@]}" "$home/bin/flux-modprobe" compile --ranks 0-16383 | wc -l)

python3 - "$work" "$runs" "$classes" <<'PY'
import json, sys
work, runs, classes = sys.argv[1], sys.argv[2], sys.argv[3]
def median(name):
    return json.load(open(f"{work}/{name}.json"))["results"][0]["median"]
def rss(name):
    return int(open(f"{work}/{name}.rss").read().split()[-1]) // 1024
print(f"# Cluster scale: medians of {runs} runs, seconds (site-like configuration: {classes} groups of ranks)\n")
print("| measure | time | against | time | ratio | target | |")
print("|---|---:|---|---:|---:|---|---|")
rows = []
for what in ("compile", "solve"):
    for conf in ("builtin", "site"):
        rows.append((f"{what} --ranks 0-16383, {conf}", f"{what}-{conf}-all", f"{what} --ranks 0", f"{what}-{conf}-0", 2))
rows.append(("solve, 10,000 tasks", "rc10000", "200 tasks", "rc200", 2))
rows.append(("solve, 30,000 tasks", "rc30000", "200 tasks", "rc200", 4))
for label, a, blabel, b, target in rows:
    ratio = median(a) / median(b)
    ok = "met" if ratio <= target else "MISSED"
    print(f"| {label} | {median(a):.3f} | {blabel} | {median(b):.3f} | {ratio:.2f} | <= {target} | {ok} |")
print()
print("| solve of | 200 | 10,000 | 30,000 | target |")
print("|---|---:|---:|---:|---|")
print(f"| peak RSS (MB) | {rss('rc200')} | {rss('rc10000')} | {rss('rc30000')} | 30,000: <= 1024 "
      f"{'met' if rss('rc30000') <= 1024 else 'MISSED'} |")
PY
