#!/bin/sh
# Time `vmcs compile` of the three-VM network example (web, app, db on one switch).
# Usage: scripts/bench-network-example.sh [RUNS] (default 50); VMCS=path/to/vmcs to choose
# the binary (default: target/release/vmcs, built by `cargo build --release -p vmcs-cli`).
# Uses hyperfine when installed, else a loop timed with `date +%s%N`. Prints mean and min.
set -eu
cd "$(dirname "$0")/.."
runs=${1:-50}
vmcs=${VMCS:-${CARGO_TARGET_DIR:-target}/release/vmcs}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cmd="$vmcs compile --include-path examples:stdlib-templates --output-dir $out --formats json,pan examples/net/web.pan examples/net/app.pan examples/net/db.pan"
$cmd   # fail early (and warm the page cache)
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 3 --runs "$runs" -N "$cmd"
    exit 0
fi
total=0
min=
i=0
while [ "$i" -lt "$runs" ]; do
    t0=$(date +%s%N)
    $cmd
    t1=$(date +%s%N)
    dt=$((t1 - t0))
    total=$((total + dt))
    if [ -z "$min" ] || [ "$dt" -lt "$min" ]; then min=$dt; fi
    i=$((i + 1))
done
mean=$((total / runs))
printf 'three-VM network example: %d runs, mean %d.%03d ms, min %d.%03d ms\n' \
    "$runs" $((mean / 1000000)) $(((mean / 1000) % 1000)) $((min / 1000000)) $(((min / 1000) % 1000))
