#!/usr/bin/env bash
# Boot figures of `vmcs spawn` under QEMU (TCG), issue 10's performance targets, measured
# with the `vmcs` binary as a user runs it (like crates/vmcs-cli/tests/e2e.rs):
#   cold_*        the first VM cold, to a bootable disk (debootstrap + apt + image), with its parts
#   next_vm_*     the next VM from the cache (`vmcs spawn` inside the namespace) to running
#   boot_*        QEMU started to the first SSH login, and its parts (firmware, kernel,
#                 initramfs, systemd to sshd) from the guest's own clock (dmesg, journal)
#   many_*        N more VMs (`--count N`) while the first runs: all running, all answering SSH
# Prints `FIGURE name value unit` lines (and `#` comments): a benchmark, not a test.
#
# Usage: scripts/bench-boot.sh   (root; after scripts/install-deps.sh and a release build)
#   BENCH_STATE_DIR  state directory (default target/bench-boot-state; its image cache is kept)
#   BENCH_COLD=1     drop that state directory's layers and indexes first (measures cold)
#   BENCH_RUNS=3     how many times the next VM is spawned and booted (figures: the median)
#   BENCH_COUNT=16   how many VMs the `many` step spawns at once (0: skip it)
#   BENCH_NS=vb-bench  the network namespace made (and removed) here
#
# Network rule: the images are built in the main namespace (the Debian mirror); every VM runs
# inside the namespace made here, on the example's bridge (`br-office`) created inside it; the
# only packets sent go to that bridge's guests. The VMs are named `vbweb*` (the example under
# another name) so that nothing here matches another run's `web` VMs or processes.
set -euo pipefail
cd "$(dirname "$0")/.."
VMCS=${VMCS:-$PWD/target/release/vmcs}
export VMCS_STATE_DIR=${BENCH_STATE_DIR:-$PWD/target/bench-boot-state}
export NO_COLOR=1
NS=${BENCH_NS:-vb-bench}
RUNS=${BENCH_RUNS:-3}
COUNT=${BENCH_COUNT:-16}
NAME=vbweb
[ -x "$VMCS" ] || cargo build --release -p vmcs-cli
mkdir -p "$VMCS_STATE_DIR"

now() { date +%s.%N; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
figure() { printf 'FIGURE %s %s %s\n' "$1" "$2" "$3"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else if (NR) printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
v() { "$VMCS" "$@"; }
vns() { ip netns exec "$NS" "$VMCS" "$@"; }

remove_vms() {
    v list --json 2>/dev/null | python3 -c '
import json, sys
for e in json.load(sys.stdin):
    n = e["name"]
    if n == "vbweb" or n.startswith("vbweb-"):
        print(n)' | while read -r n; do vns rm --force "$n" >/dev/null 2>&1 || v rm --force "$n" >/dev/null 2>&1 || true; done
    ip netns del "$NS" 2>/dev/null || true
}
work=$(mktemp -d)
trap 'remove_vms; rm -rf "$work"' EXIT
remove_vms
tpl=$work/$NAME.pan
sed "s/^object template web;/object template $NAME;/" examples/web.pan >"$tpl"
grep -q "^object template $NAME;" "$tpl"

ip netns add "$NS"
ip -n "$NS" link set lo up
ip -n "$NS" link add br-office type bridge
ip -n "$NS" addr add 192.168.10.1/24 dev br-office
ip -n "$NS" link set br-office up
echo "# $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; state $VMCS_STATE_DIR"

# Seconds a spawn log's commands took, by kind (debootstrap, apt, mkfs, copies, the rest).
log_parts() {
    python3 - "$1" <<'EOF'
import re, sys
parts, cmd = {}, None
for line in open(sys.argv[1], errors="replace"):
    m = re.match(r"\[[\d.]+\] \$ (.*)", line)
    if m:
        cmd = m.group(1)
        continue
    m = re.match(r"\[[\d.]+\]   status \d+ after ([\d.]+)s", line)
    if m and cmd:
        t = float(m.group(1))
        k = ("debootstrap" if "debootstrap" in cmd else "apt" if "apt-get" in cmd and "clean" not in cmd
             else "mkfs" if cmd.startswith("mkfs") else "copy" if cmd.startswith("cp -a")
             else "remove" if cmd.startswith("rm -rf") else "other")
        parts[k] = parts.get(k, 0) + t
        cmd = None
for k in ["debootstrap", "apt", "copy", "mkfs", "remove", "other"]:
    print(k, "%.2f" % parts.get(k, 0))
EOF
}

# 1. The first VM, cold: compile, resolve, debootstrap, apt, image; a bootable disk.
if [ "${BENCH_COLD:-0}" = 1 ]; then
    v cache gc >/dev/null
    rm -rf "$VMCS_STATE_DIR/indexes"
fi
cached=$(v cache list --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["layers"]))')
t=$(now)
out=$(v spawn "$tpl" --backend qemu --no-start --json)
t1=$(now)
if [ "$cached" = 0 ]; then
    figure cold_to_disk "$(sub "$t" "$t1")" s
    log=$(echo "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["log"])')
    log_parts "$log" | while read -r k s; do figure "cold_$k" "$s" s; done
else
    echo "# cold: layers cached ($cached), first spawn $(sub "$t" "$t1") s (BENCH_COLD=1 to measure cold)"
fi
v rm "$NAME" >/dev/null

# Wait until VM accepts an SSH login; prints the guest's uptime then. Port 22 is probed
# first: an SSH client with a short timeout gives up while a busy TCG guest's sshd is still
# starting its session, and each such try costs the guest a new sshd.
wait_ssh() {
    local vm=$1 end=$(($(date +%s) + $2)) out addr
    addr=$(v list --json | python3 -c 'import json,sys
for e in json.load(sys.stdin):
    if e["name"] == sys.argv[1]: print((e.get("addresses") or [""])[0])' "$vm")
    while :; do
        if ip netns exec "$NS" timeout 1 bash -c "</dev/tcp/$addr/22" 2>/dev/null &&
            out=$(vns ssh "$vm" --connect-timeout 60 -- cat /proc/uptime 2>/dev/null); then
            echo "${out%% *}"
            return 0
        fi
        [ "$(date +%s)" -lt "$end" ] || { echo "no SSH login to $vm" >&2; return 1; }
        sleep 0.2
    done
}

# The guest's boot timeline (seconds since its kernel started): init, systemd, sshd ready.
guest_timeline() {
    vns ssh "$1" -- 'dm() { dmesg | grep -m1 "$1" | sed -E "s/^\[ *([0-9.]+)\].*/\1/"; }
        echo "init $(dm "Run /init")"
        echo "systemd $(dm "systemd\[1\]")"
        echo "sshd $(journalctl -b -o short-monotonic -u ssh.service | grep -m1 "Server listening" | sed -E "s/^\[ *([0-9.]+)\].*/\1/")"'
}

# 2. The next VM from the cache, to running, then booted to SSH (RUNS times).
declare -a spawn_s boot_s fw_s kern_s initrd_s sysd_s login_s
for i in $(seq 1 "$RUNS"); do
    [ "$i" = 1 ] || vns rm --force "$NAME" >/dev/null
    t=$(now)
    vns spawn "$tpl" --backend qemu >/dev/null
    t1=$(now)
    up=$(wait_ssh "$NAME" 300)
    t2=$(now)
    spawn_s+=("$(sub "$t" "$t1")")
    boot_s+=("$(sub "$t1" "$t2")")
    declare -A tl=()
    while read -r k s; do tl[$k]=$s; done < <(guest_timeline "$NAME")
    fw_s+=("$(awk -v b="$(sub "$t1" "$t2")" -v u="$up" 'BEGIN { printf "%.2f", b - u }')")
    kern_s+=("$(printf "%.2f" "${tl[init]}")")
    initrd_s+=("$(sub "${tl[init]}" "${tl[systemd]}")")
    sysd_s+=("$(sub "${tl[systemd]}" "${tl[sshd]}")")
    login_s+=("$(sub "${tl[sshd]}" "$up")")
    echo "# run $i: spawn to running ${spawn_s[-1]} s; boot to SSH ${boot_s[-1]} s (firmware+QEMU ${fw_s[-1]}, kernel ${kern_s[-1]}, initramfs ${initrd_s[-1]}, systemd to sshd ${sysd_s[-1]}, sshd to login ${login_s[-1]}); load $(cut -d' ' -f1 /proc/loadavg)"
done
figure next_vm_to_running "$(echo "${spawn_s[*]}" | median)" s
figure boot_to_ssh "$(echo "${boot_s[*]}" | median)" s
figure boot_firmware_and_qemu "$(echo "${fw_s[*]}" | median)" s
figure boot_kernel "$(echo "${kern_s[*]}" | median)" s
figure boot_initramfs "$(echo "${initrd_s[*]}" | median)" s
figure boot_systemd_to_sshd "$(echo "${sysd_s[*]}" | median)" s
figure boot_sshd_to_login "$(echo "${login_s[*]}" | median)" s
echo "# the last boot, as systemd saw it:"
vns ssh "$NAME" -- 'systemd-analyze; systemd-analyze critical-chain ssh.service; systemd-analyze blame | head -12' 2>&1 | sed 's/^/#   /'

# 3. COUNT more VMs while the first runs: all running, then all answering SSH.
if [ "$COUNT" -gt 0 ]; then
    t=$(now)
    vns spawn "$tpl" --backend qemu --count "$COUNT" >/dev/null
    t1=$(now)
    figure many_vms_running "$(sub "$t" "$t1")" s
    echo "# ($COUNT VMs from the cache with one \`vmcs spawn --count $COUNT\`, the first one running)"
    pids=()
    for j in $(seq 1 "$COUNT"); do
        (wait_ssh "$NAME-$j" 900 >/dev/null && echo "$(sub "$t" "$(now)")" >"$work/ssh-$j") &
        pids+=($!)
    done
    okay=1
    for p in "${pids[@]}"; do wait "$p" || okay=0; done
    if [ "$okay" = 1 ]; then
        figure many_vms_ssh "$(cat "$work"/ssh-* | sort -g | tail -1)" s
        figure many_vms_first_ssh "$(cat "$work"/ssh-* | sort -g | head -1)" s
    else
        echo "# many: not every VM answered SSH within 900 s"
    fi
fi
