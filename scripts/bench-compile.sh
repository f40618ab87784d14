#!/usr/bin/env bash
# Compile benchmarks; prints figures (wall time, peak RSS) and checks outputs.
#  1. the shared workload (../shared/bench/gen_workload.py): 1000 profiles, 50 typed libraries;
#     every output compared with expected/, build alone vs build + validation, other tools if present
#  2. a generated site: 1000 objects, 50 libraries with functions, loops, create(), 20 overrides
#  3. one small object compiled in its own process (latency)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p vmcs-cli
vmcs=$PWD/target/release/vmcs
work=${BENCH_DIR:-$(mktemp -d)}
runs=${RUNS:-5}
measure() { # label, command...: best wall time and its peak RSS over $runs runs
    local label=$1; shift; local best="" rss=""
    for _ in $(seq "$runs"); do
        local tf; tf=$(mktemp)
        /usr/bin/time -f '%e %M' -o "$tf" "$@" >/dev/null 2>&1 || true
        local t; t=$(tail -1 "$tf"); rm -f "$tf"
        local s=${t% *} m=${t#* }
        if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; rss=$m; fi
    done
    printf '%-58s %6.3f s  %6.1f MB\n' "$label" "$best" "$(awk "BEGIN{print $rss/1024}")"
}

gen=${SHARED:-../shared}/bench/gen_workload.py
if [ -f "$gen" ]; then
    [ -d "$work/wl/pan" ] || python3 "$gen" "$work/wl" >/dev/null
    rm -rf "$work/out"; mkdir -p "$work/out"
    "$vmcs" compile --include-path "$work/wl/pan" --output-dir "$work/out" --formats json "$work"/wl/pan/profiles/*.pan
    python3 - "$work/wl/expected" "$work/out" <<'PY'
import json, os, sys
exp, out = sys.argv[1], sys.argv[2]
names = sorted(os.listdir(exp)); bad = 0
for n in names:
    mine = os.path.join(out, "profiles", n)
    if not os.path.exists(mine) or json.load(open(mine)) != json.load(open(os.path.join(exp, n))):
        bad += 1
print(f"shared workload: {len(names) - bad} of {len(names)} outputs equal to expected/")
sys.exit(1 if bad else 0)
PY
    measure "vmcs compile, shared workload (build+validate, json)" "$vmcs" compile --include-path "$work/wl/pan" --output-dir "$work/out" --formats json "$work"/wl/pan/profiles/*.pan
    measure "vmcs compile, shared workload (build only)" "$vmcs" compile --skip-validation --include-path "$work/wl/pan" --output-dir "$work/out" --formats json "$work"/wl/pan/profiles/*.pan
    measure "vmcs compile, shared workload, 1 thread" "$vmcs" compile --nthread 1 --include-path "$work/wl/pan" --output-dir "$work/out" --formats json "$work"/wl/pan/profiles/*.pan
    # other languages, where they install (scripts/install-bench-tools.sh)
    export PATH="$PWD/target/bench-tools/bin:$PWD/target/bench-tools/node_modules/.bin:$PATH"
    if command -v jrsonnet >/dev/null; then
        mkdir -p "$work/jout"
        measure "jrsonnet, shared workload (-m, all nodes)" sh -c "cd '$work/wl/jsonnet' && jrsonnet -m '$work/jout' all.jsonnet"
    fi
    if command -v pkl >/dev/null; then
        mkdir -p "$work/pklout"
        measure "pkl, shared workload (eval --format json)" sh -c "cd '$work/wl/pkl' && pkl eval --format json --output-path '$work/pklout/%{moduleName}.json' nodes/*.pkl"
    fi
    if command -v nickel >/dev/null; then
        measure "nickel, shared workload (export all.ncl)" sh -c "cd '$work/wl/nickel' && nickel export all.ncl"
    fi
fi

[ -d "$work/site/nodes" ] || python3 scripts/gen-site.py "$work" 1000 >/dev/null
measure "vmcs compile, generated site (1000 objects, pan+dep)" "$vmcs" compile --include-path "$work/site" --output-dir "$work/out2" "$work"/site/nodes/*.pan
measure "vmcs compile, generated site (1000 objects, json)" "$vmcs" compile --include-path "$work/site" --output-dir "$work/out2" --formats json "$work"/site/nodes/*.pan

# one small object in its own process
start=$(date +%s%N); n=200
for _ in $(seq $n); do "$vmcs" compile --include-path "$work/site" --output-dir "$work/out3" "$work/site/nodes/node0000.pan"; done
end=$(date +%s%N)
printf '%-58s %6.2f ms per process\n' "vmcs compile, one object per process (mean of $n)" "$(awk "BEGIN{print ($end-$start)/$n/1e6}")"
