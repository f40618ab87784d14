#!/usr/bin/env bash
# The slow end-to-end step, run once: guests built with debootstrap and apt, booted under
# QEMU (TCG) inside network namespaces made by the tests, reached over SSH and HTTP; then the
# management plane on libvirt hosts of scripts/testbed.sh (lifecycle, live migration, a
# network over two hosts, faults). Needs root and scripts/install-deps.sh.
# VMCS_E2E_STATE keeps the image cache between runs (default target/e2e-state).
set -euo pipefail
cd "$(dirname "$0")/.."
export VMCS_E2E_STATE=${VMCS_E2E_STATE:-$PWD/target/e2e-state}
# libvirt's QEMU runs as libvirt-qemu: without udev /dev/kvm is root's only.
[ -e /dev/kvm ] && { chgrp kvm /dev/kvm 2>/dev/null || true; chmod 0660 /dev/kvm; }
status=0
for t in e2e e2e_hosts; do
    cargo test --release -p vmcs-cli --features e2e --test $t -- --test-threads=1 --nocapture 2>&1 |
        tee target/$t.log | grep -E '^(test |FIGURE|running|test result)|panicked' || true
    grep -q '^test result: ok' target/$t.log || status=1
done
# Whatever a failed run left: the testbed's hosts and their guests.
scripts/testbed.sh down >/dev/null 2>&1 || true
# The portal in a real headless Chromium (WebDriver): login, spawn progress, VM page, console,
# manager (browser); the configure form and the designer (browser_design); then real VMs
# from the portal on a testbed host: spawn, console, respawn at login, a designed network
# deployed in one click (browser_vms, which uses the image cache of the tests above).
for t in browser browser_design browser_vms; do
    cargo test --release -p vmcs-portal --features browser --test $t -- --nocapture 2>&1 |
        tee target/$t.log | grep -E '^(test |FIGURE|test result)|panicked' || true
    grep -q '^test result: ok' target/$t.log || status=1
done
scripts/testbed.sh down >/dev/null 2>&1 || true
exit $status
