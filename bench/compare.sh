#!/bin/bash
# Start-up of this checkout against another one (e.g. a worktree of the commit before a change),
# measured side by side in one hyperfine run per command, so that the ratio holds on a noisy
# machine. Run by hand, not in CI:
#   git worktree add --detach /tmp/before REV && (cd /tmp/before && mvn -o -q -DskipTests package)
#   bench/compare.sh /tmp/before [RUNS]       (default 20 runs per command, after 3 warm-ups)
# Needs hyperfine and jq. Each checkout gets its own empty search-path drop-in dir and plan cache.
set -euo pipefail
other=$(cd "$1" && pwd)
runs=${2:-20}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FLUX_MODPROBE_PATH=$work/path LC_ALL=C
unset FLUX_URI FLUX_MODPROBE_BROKER
mkdir -p "$work/path" "$work/cache-this" "$work/cache-other"
printf '[latency]\ndefault = 0\n' >"$work/zero.toml"
this_mp() { env FLUX_MODPROBE_CACHE="$work/cache-this" "$top/bin/flux-modprobe" "$@"; }
other_mp() { env FLUX_MODPROBE_CACHE="$work/cache-other" "$other/bin/flux-modprobe" "$@"; }
this_mp show heartbeat >/dev/null; other_mp show heartbeat >/dev/null   # the launchers' archives
this_mp rc1 --dry-run >/dev/null; other_mp rc1 --dry-run >/dev/null     # stored plans
this_mp rc3 --dry-run >/dev/null; other_mp rc3 --dry-run >/dev/null
printf '%-32s %10s %10s %8s\n' command "this (ms)" "other (ms)" ratio
row() { # LABEL ARGS...
    local label=$1; shift
    hyperfine -N -w 3 -r "$runs" --export-json "$work/h.json" \
        "env FLUX_MODPROBE_CACHE=$work/cache-this $top/bin/flux-modprobe $*" \
        "env FLUX_MODPROBE_CACHE=$work/cache-other $other/bin/flux-modprobe $*" >/dev/null 2>&1 \
        || { printf '%-32s failed\n' "$label"; return; }
    jq -r --arg l "$label" '.results | "\($l)\t\(.[0].median*1000|floor)\t\(.[1].median*1000|floor)\t\(.[0].median/.[1].median*100|floor/100)"' \
        "$work/h.json" | awk -F'\t' '{ printf "%-32s %10s %10s %8s\n", $1, $2, $3, $4 }'
}
row "show sched" show sched
row "rc1 --dry-run, cache miss" rc1 --dry-run --no-cache
row "rc1 --dry-run, cache hit" rc1 --dry-run
row "rc3 --dry-run, cache hit" rc3 --dry-run
row "rc1 sim 0 latency, cache hit" rc1 --broker=sim:$work/zero.toml
echo "ratio: this/other median (below 1: this checkout is faster)"
