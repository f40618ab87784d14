#!/usr/bin/env bash
# The vmcs test run: installs what it needs, then runs every test suite as its own step.
#   scripts/test.sh          everything, including the slow end-to-end VM step
#   scripts/test.sh --quick  skip the end-to-end step (debootstrap + VM boot)
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1
step() { printf '\n==> %s\n' "$*"; }

step "install system packages"
scripts/install-deps.sh

step "format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --release -- -D warnings

step "unit, integration, conformance and snapshot tests"
cargo test --workspace --release

oracle=${SHARED:-../shared}/oracle
if [ -f "$oracle/check.py" ]; then
    step "panc oracle: 1286 cases compared with the reference compiler's output"
    out=$(python3 "$oracle/check.py" --compiler "target/release/vmcs compile")
    echo "$out" | tail -22
    echo "$out" | tail -1 | grep -q ', 0 failed$' || { echo "oracle cases failed"; exit 1; }
fi

if [ "$quick" = 0 ]; then
    step "end-to-end: debootstrap, image, QEMU boot to a marker, cached second VM, cleanup on failure"
    cargo test --release -p vmcs-spawn --features e2e --test e2e
fi
