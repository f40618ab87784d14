#!/usr/bin/env bash
# Figures of the management plane on libvirt hosts (TCG guests), on the testbed of
# scripts/testbed.sh (hosts h1..h3 as network namespaces with their own libvirtd):
#   define+start from the cache, boot to SSH, save, restore, live migration (and its
#   downtime), `vmcs list` over 3 hosts and 50 domains, a three-VM network over two hosts
#   from `vmcs up` to its members pinging each other.
# Usage: scripts/bench-vms.sh   (root; after scripts/install-deps.sh and a release build)
# VMCS_STATE_DIR: the state directory (default: the end-to-end tests' one, whose image cache
# it shares; a cold cache first builds the lab network's images, which takes minutes).
# Prints one `FIGURE what: value` line per figure. Takes the testbed down at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
export VMCS=${VMCS:-$PWD/target/release/vmcs}
export VMCS_STATE_DIR=${VMCS_STATE_DIR:-${VMCS_E2E_STATE:-$PWD/target/e2e-state}}
export NO_COLOR=1
mkdir -p "$VMCS_STATE_DIR"
[ -x "$VMCS" ] || cargo build --release -p vmcs-cli

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
figure() { printf 'FIGURE %s: %s\n' "$1" "$2"; }
v() { "$VMCS" "$@"; }
quiet() { "$@" >/dev/null; }
in_h1() { scripts/testbed.sh exec h1 "$@"; }
wait_ssh() { # wait_ssh VM: until it accepts a login (from h1's namespace)
    for _ in $(seq 1 1200); do
        in_h1 "$VMCS" ssh "$1" --connect-timeout 2 -- true >/dev/null 2>&1 && return 0
        sleep 0.25
    done
    echo "no SSH login to $1" >&2
    return 1
}
cleanup() {
    for vm in web app db; do v rm --force "$vm" >/dev/null 2>&1 || true; done
    v list --json 2>/dev/null | python3 -c 'import json,sys; [print(e["name"]) for e in json.load(sys.stdin) if e["name"].startswith("web-")]' |
        xargs -r "$VMCS" rm --force >/dev/null 2>&1 || true
    scripts/testbed.sh down >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup

t=$(now)
quiet scripts/testbed.sh up 3
figure "testbed up (3 hosts, each its own libvirtd)" "$(since "$t") s"

# The lab's web server (256 MiB): built once (or found in the cache), its base uploaded to h1.
t=$(now)
quiet v spawn examples/net/web.pan --host h1 --no-start
figure "spawn net/web to a defined domain on h1 (cache warm unless first run; base upload)" "$(since "$t") s"
quiet v rm web
t=$(now)
quiet v spawn examples/net/web.pan --host h1
figure "define+start from the cache (spawn on a host that has the base)" "$(since "$t") s"
t=$(now)
wait_ssh web
figure "start to SSH login under TCG" "$(since "$t") s"
quiet v stop web
t=$(now)
quiet v start web
figure "start a stopped domain" "$(since "$t") s"
wait_ssh web

t=$(now)
quiet v save web
figure "save (hibernate) 256 MiB guest" "$(since "$t") s"
t=$(now)
quiet v restore web
figure "restore" "$(since "$t") s"

for to in h2 h1; do
    t=$(now)
    rep=$(v migrate web --to $to --live --json)
    figure "live migration to $to (top disk layer copied)" "$(since "$t") s, downtime $(echo "$rep" | python3 -c 'import json,sys; print(json.load(sys.stdin)["downtime_ms"])') ms"
done
quiet v rm --force web

# `vmcs list` over 3 hosts and 50 defined domains.
t=$(now)
quiet v spawn examples/net/web.pan --host auto --count 50 --no-start
figure "define 50 domains placed over 3 hosts" "$(since "$t") s"
v list --json | python3 -c 'import json,sys,collections; print("placed:", dict(collections.Counter(e["host"] for e in json.load(sys.stdin))))'
n=20
t=$(now)
for _ in $(seq 1 $n); do quiet v list; done
figure "vmcs list, 3 hosts, 50 domains (mean of $n)" "$(awk -v s="$(since "$t")" -v n=$n 'BEGIN { printf "%.0f ms", s * 1000 / n }')"
t=$(now)
for _ in $(seq 1 $n); do quiet v list --json; done
figure "vmcs list --json, 3 hosts, 50 domains (mean of $n)" "$(awk -v s="$(since "$t")" -v n=$n 'BEGIN { printf "%.0f ms", s * 1000 / n }')"
v list --json | python3 -c 'import json,sys; [print(e["name"]) for e in json.load(sys.stdin)]' | xargs "$VMCS" rm --force >/dev/null

# A three-VM network over two hosts, from the cache: up to every member pinging the others.
t=$(now)
quiet v up examples/net/lab-two-hosts.pan
figure "vmcs up: three-VM network over two hosts (switch spanned by VXLAN)" "$(since "$t") s"
for pair in "web app" "app db" "db web"; do
    set -- $pair
    for _ in $(seq 1 1200); do
        in_h1 "$VMCS" ssh "$1" --connect-timeout 2 -- ping -c 1 -W 1 "$2" >/dev/null 2>&1 && break
        sleep 0.25
    done
done
figure "three-VM network over two hosts: up to all pinging each other" "$(since "$t") s"
t=$(now)
quiet v down lab --rm
figure "vmcs down lab --rm" "$(since "$t") s"
