#!/usr/bin/env bash
# A testbed of libvirt hosts on this machine, each a network namespace with its own libvirtd
# (own config, run, state and cache directories, own host UUID), its own virtlogd and sshd,
# reachable from the main namespace over qemu+tcp:// on its own address. The caller's state
# directory is hidden from the hosts: they get their disks through libvirt only.
#
#   scripts/testbed.sh up N           make hosts h1..hN and register them (`vmcs host add`)
#                                     in the state directory named by VMCS_STATE_DIR
#   scripts/testbed.sh exec HOST CMD  run CMD in HOST's network namespace
#   scripts/testbed.sh down           remove everything it made (also after a crash)
#   scripts/testbed.sh libvirtd HOST kill|start
#                                     kill -9 a host's libvirtd (its guests keep running) or
#                                     start it again (for the fault tests)
#
# Addresses: the hosts are 10.77.0.11, .12, ... on the bridge vmcstb0 (10.77.0.1) of the main
# namespace, with an MTU of 1600 so VXLAN between them carries 1500-byte guest frames.
# Network rule: nothing here sends a packet beyond these namespaces and that bridge.
set -euo pipefail

TB=/run/vmcs-testbed                    # pids, configs, sockets (tmpfs)
DATA=${VMCS_TESTBED_DATA:-/var/tmp/vmcs-testbed}   # the hosts' disks (on disk, not in RAM)
BR=vmcstb0
NET=10.77.0
here=$(cd "$(dirname "$0")" && pwd)
VMCS=${VMCS:-$here/../target/release/vmcs}

die() { echo "testbed: $*" >&2; exit 1; }

host_addr() { echo "$NET.$((10 + ${1#h}))"; }

wait_for() { # wait_for SECONDS CMD...: until CMD succeeds
    local t=$1; shift
    for _ in $(seq 1 $((t * 10))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
    return 1
}

up_host() {
    local h=$1 addr; addr=$(host_addr "$h")
    local d=$TB/$h data=$DATA/$h
    mkdir -p "$d/etc" "$d/run" "$data/lib" "$data/cache" "$data/log"
    # The namespace, joined to the main one by a veth on the testbed bridge.
    ip netns add "$h"
    ip link add "tb-$h" mtu 1600 type veth peer name eth0 netns "$h"
    ip link set "tb-$h" master $BR up
    ip -n "$h" link set lo up
    ip -n "$h" addr add "$addr/24" dev eth0
    ip -n "$h" link set eth0 mtu 1600 up
    # A private copy of libvirt's configuration with its own identity and TCP listener.
    cp -a /etc/libvirt/. "$d/etc/"
    local uuid; uuid=$(cat /proc/sys/kernel/random/uuid)
    cat >>"$d/etc/libvirtd.conf" <<EOF
# vmcs testbed host $h
host_uuid = "$uuid"
listen_tcp = 1
listen_tls = 0
listen_addr = "$addr"
auth_tcp = "none"
auth_unix_rw = "none"
EOF
    cat >>"$d/etc/qemu.conf" <<EOF
# vmcs testbed host $h: no cgroups of its own; migrations listen on the host's address
cgroup_controllers = [ ]
migration_address = "$addr"
EOF
    # The capability cache of this machine's libvirt saves the probe (~12 s) when present.
    [ -d /var/cache/libvirt/qemu ] && cp -a /var/cache/libvirt/qemu "$data/cache/" 2>/dev/null || true
    # sshd for the tunnels vmcs sets up (`vmcs host add --ssh`), with vmcs's own key.
    local state=${VMCS_STATE_DIR:-/var/lib/vmcs}
    mkdir -p "$state/ssh" /run/sshd
    [ -f "$state/ssh/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C vmcs -f "$state/ssh/id_ed25519"
    cp "$state/ssh/id_ed25519.pub" "$d/authorized_keys"
    [ -f "$d/ssh_host_ed25519_key" ] || ssh-keygen -q -t ed25519 -N '' -f "$d/ssh_host_ed25519_key"
    # A new host at an old address has a new key: forget the old one (as after a reinstall).
    [ -f "$state/ssh/known_hosts_hosts" ] && ssh-keygen -q -R "$addr" -f "$state/ssh/known_hosts_hosts" >/dev/null 2>&1 || true
    cat >"$d/sshd_config" <<EOF
ListenAddress $addr
HostKey $d/ssh_host_ed25519_key
AuthorizedKeysFile $d/authorized_keys
PidFile $d/sshd.pid
PermitRootLogin prohibit-password
PasswordAuthentication no
UsePAM no
EOF
    # The daemons, in the host's network namespace and a private mount namespace where
    # libvirt's directories are its own and the caller's state directory is hidden.
    ip netns exec "$h" unshare -m --propagation private sh -ec "
        mount --bind '$d/etc' /etc/libvirt
        mount -t tmpfs -o mode=0755 tmpfs /run/libvirt
        mount --bind '$data/lib' /var/lib/libvirt
        mount --bind '$data/cache' /var/cache/libvirt
        mount --bind '$data/log' /var/log/libvirt
        if [ -d '$state' ]; then mount -t tmpfs -o mode=0700 tmpfs '$state'; fi
        mkdir -p /var/lib/libvirt/images /var/lib/libvirt/qemu /var/lib/libvirt/dnsmasq
        virtlogd -d -p '$d/virtlogd.pid'
        libvirtd -d -l -p '$d/libvirtd.pid'
    "
    ip netns exec "$h" /usr/sbin/sshd -f "$d/sshd_config"
    echo "$addr" >"$d/address"
}

cmd_up() {
    local n=${1:-2}
    [ "$n" -ge 1 ] 2>/dev/null || die "usage: testbed.sh up N"
    [ -x "$VMCS" ] || die "no vmcs binary at $VMCS (cargo build --release, or set VMCS)"
    [ "$(id -u)" = 0 ] || die "needs root"
    cmd_down >/dev/null 2>&1 || true
    mkdir -p "$TB" "$DATA"
    # The hosts mount over libvirt's directories, which a machine where libvirtd never ran
    # does not have yet.
    mkdir -p /run/libvirt /var/lib/libvirt /var/cache/libvirt /var/log/libvirt
    # /dev/kvm without udev is root-only; libvirt's QEMU runs as libvirt-qemu.
    [ -e /dev/kvm ] && { chgrp kvm /dev/kvm 2>/dev/null || true; chmod 0660 /dev/kvm; }
    ip link add $BR mtu 1600 type bridge
    ip addr add "$NET.1/24" dev $BR
    ip link set $BR up
    for i in $(seq 1 "$n"); do up_host "h$i"; done
    for i in $(seq 1 "$n"); do
        local h=h$i addr; addr=$(host_addr "$h")
        wait_for 90 virsh -c "qemu+tcp://$addr/system" version || die "libvirtd of $h did not come up"
        "$VMCS" host remove --forget-vms "$h" >/dev/null 2>&1 || true
        "$VMCS" host add "$h" "qemu+tcp://$addr/system" --ssh "root@$addr"
    done
    echo "testbed: $n host(s) up"
}

cmd_exec() {
    local h=${1:-}; shift || true
    [ -n "$h" ] && [ $# -gt 0 ] || die "usage: testbed.sh exec HOST CMD..."
    ip netns exec "$h" "$@"
}

cmd_down() {
    local hosts
    hosts=$( (ls "$TB" 2>/dev/null; ip netns list 2>/dev/null | awk '{print $1}') | grep -E '^h[0-9]+$' | sort -u || true)
    for h in $hosts; do
        # Every process of the host (daemons, its guests' QEMUs) lives in its namespace.
        for pid in $(ip netns pids "$h" 2>/dev/null); do kill -TERM "$pid" 2>/dev/null || true; done
        sleep 0.5
        for pid in $(ip netns pids "$h" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
        ip netns del "$h" 2>/dev/null || true
        ip link del "tb-$h" 2>/dev/null || true
        # The host and its guests are gone: so are vmcs's records of them.
        [ -x "$VMCS" ] && "$VMCS" host remove --forget-vms "$h" >/dev/null 2>&1 || true
    done
    # Hosts of the testbed still registered in the state directory (their namespaces may be
    # gone already, after a crash): forget them, or later commands would try to reach their
    # addresses, which no longer lead anywhere on this machine.
    if [ -x "$VMCS" ]; then
        for h in $("$VMCS" host list --offline --json 2>/dev/null | python3 -c '
import json, sys
for h in json.load(sys.stdin):
    if str(h.get("uri", "")).startswith("qemu+tcp://'"$NET"'."):
        print(h["name"])' 2>/dev/null || true); do
            "$VMCS" host remove --forget-vms "$h" >/dev/null 2>&1 || true
        done
    fi
    ip link del $BR 2>/dev/null || true
    rm -rf "$TB" "$DATA"
    echo "testbed: down"
}

cmd_libvirtd() {
    local h=${1:-} what=${2:-} d
    d=$TB/${h:-none}
    [ -f "$d/virtlogd.pid" ] || die "usage: testbed.sh libvirtd HOST kill|start (no host ${h:-?})"
    case "$what" in
        kill)
            kill -KILL "$(cat "$d/libvirtd.pid")" 2>/dev/null || true
            rm -f "$d/libvirtd.pid" ;;
        start)
            # Back in the host's namespaces (those of its virtlogd, which still runs).
            nsenter -t "$(cat "$d/virtlogd.pid")" -m -n libvirtd -d -l -p "$d/libvirtd.pid"
            wait_for 90 virsh -c "qemu+tcp://$(cat "$d/address")/system" version ||
                die "libvirtd of $h did not come back" ;;
        *) die "usage: testbed.sh libvirtd HOST kill|start" ;;
    esac
}

case "${1:-}" in
    up) shift; cmd_up "$@" ;;
    exec) shift; cmd_exec "$@" ;;
    down) cmd_down ;;
    libvirtd) shift; cmd_libvirtd "$@" ;;
    *) die "usage: testbed.sh up N | exec HOST CMD... | down | libvirtd HOST kill|start" ;;
esac
