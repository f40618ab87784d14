#!/usr/bin/env bash
# The vmcs test run (what CI runs): installs what it needs, then each suite as its own step.
#   scripts/test.sh          everything, then the slow end-to-end step (real guests)
#   scripts/test.sh --quick  skip the end-to-end step
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1
step() { printf '\n==> %s  (%s)\n' "$*" "$(date +%T)"; }
# panc's suite and oracle need lxml, which Debian's python3 has (python3-lxml).
py=/usr/bin/python3

step "install system packages"
scripts/install-deps.sh

step "format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --release -- -D warnings

step "unit, integration, conformance and snapshot tests"
cargo test --workspace --release

step "build without libvirt (what Pan-only users and CI linters build)"
cargo build --release -p vmcs-cli --no-default-features --target-dir target/no-libvirt

oracle=${SHARED:-../shared}/oracle
if [ -f "$oracle/check.py" ]; then
    step "panc oracle: 1286 cases compared with the reference compiler's output"
    out=$($py "$oracle/check.py" --compiler "target/release/vmcs compile")
    echo "$out" | tail -22
    echo "$out" | tail -1 | grep -q ', 0 failed$' || { echo "oracle cases failed"; exit 1; }
fi

suite=${SHARED:-../shared}/pan-suite
if [ -f "$suite/run.py" ]; then
    step "panc's own functional suite (513 tests)"
    out=$($py "$suite/run.py" "$suite" --compiler "target/release/vmcs compile" --json-errors -j 2)
    echo "$out" | tail -1
    echo "$out" | tail -1 | grep -q '^513 passed, 0 failed' || { echo "$out" | tail -30; exit 1; }
fi

step "fuzz: past findings replayed, then parse, compile, packages, profile for 30 s each (fails on any crash)"
scripts/fuzz.sh --replay
scripts/fuzz.sh 30

if [ "$quick" = 0 ]; then
    step "end-to-end: debootstrap, apt, images, real guests booted in network namespaces"
    scripts/e2e.sh
fi
