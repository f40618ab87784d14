#!/usr/bin/env bash
# vmcs check --syntax-only on a tree of 5000 generated templates; prints the time.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p vmcs-cli
vmcs=$PWD/target/release/vmcs
work=${BENCH_DIR:-$(mktemp -d)}
[ -d "$work/site/nodes" ] && [ "$(ls "$work/site/nodes" | wc -l)" -ge 4950 ] || python3 scripts/gen-site.py "$work" 4950 >/dev/null
files=$(find "$work/site" -name '*.pan' | wc -l)
best=""
for _ in 1 2 3 4 5; do
    /usr/bin/time -f '%e' -o "$work/t" "$vmcs" check --syntax-only "$work/site" >/dev/null 2>&1 || true; t=$(tail -1 "$work/t")
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
done
printf 'vmcs check --syntax-only, %d templates: %.3f s (best of 5)\n' "$files" "$best"
best=""
for _ in 1 2 3; do
    /usr/bin/time -f '%e' -o "$work/t" "$vmcs" check "$work/site/nodes" --include-path "$work/site" >/dev/null 2>&1 || true; t=$(tail -1 "$work/t")
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
done
printf 'vmcs check (full compile, no output), %d objects: %.3f s (best of 3)\n' "$(ls "$work/site/nodes" | wc -l)" "$best"
