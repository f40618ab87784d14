#!/bin/sh
# Install what building, running and testing vmcs needs on a fresh Debian 12 machine
# (idempotent). Rust comes from rustup (already on the machine); everything else from Debian.
#   build:   gcc, pkg-config, libvirt-dev (the libvirt driver; build without it with
#            `cargo build --no-default-features -p vmcs-cli`)
#   images:  debootstrap, eatmydata, e2fsprogs (mkfs.ext4 -d), xfsprogs, busybox-static (vmcs's
#            initramfs), qemu-utils (qcow2 overlays), openssh-client (host and vmcs keys)
#   run:     qemu-system-x86, libvirt (daemon, client, QEMU driver), dnsmasq-base, iproute2,
#            xen-utils-4.17 (`xl`, for bare Xen dom0s; its configs are checked by `xl -N create`)
#   testbed: openssh-server (each testbed host runs an sshd: tunnels and qemu+ssh://)
#   tests:   python3 + python3-lxml (panc's suite and oracle), dpkg-dev (apt oracle), curl,
#            chromium + chromium-driver (portal browser tests)
set -eu
export DEBIAN_FRONTEND=noninteractive
# apt's package lists are also test data for the dependency resolver (vmcs deps).
if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then
    apt-get update -qq
fi
want="gcc libc6-dev pkg-config libvirt-dev python3 python3-lxml dpkg-dev curl ca-certificates
  debootstrap eatmydata e2fsprogs xfsprogs busybox-static openssh-client openssh-server iproute2 iputils-ping
  qemu-system-x86 libvirt-daemon-system libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients
  dnsmasq-base xen-utils-4.17 chromium chromium-driver"
need=""
for p in $want; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need="$need $p"
done
if [ -n "$need" ]; then
    apt-get update -qq
    # QEMU and qemu-utils must come from one release (bookworm's, which libvirt 9.0 is tested
    # with); a newer qemu-utils from backports is replaced.
    apt-get install -y -q --no-install-recommends $need
fi
command -v qemu-img >/dev/null || apt-get install -y -q --no-install-recommends qemu-utils
echo "install-deps: done"
