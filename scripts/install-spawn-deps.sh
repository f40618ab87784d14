#!/bin/sh
# Install everything vmcs-spawn and its tests need (Debian 12 bookworm). Idempotent: safe to re-run.
#
# - debootstrap, eatmydata: build root trees;        e2fsprogs: mkfs.ext4 -d, debugfs
# - qemu-utils + qemu-system-x86: images and the QEMU backend. The preinstalled qemu-utils
#   may come from bookworm-backports; installing qemu-system-x86 from the same suite avoids
#   the version conflict, so we enable bookworm-backports and take both from there.
# - xen-utils-4.17: `xl`, used to parse generated domain configs (`xl -N create`).
# - gcc: builds the LD_PRELOAD stub that lets `xl` run without a hypervisor.
# - iproute2: bridges;  cpio, zstd: initramfs handling
set -eu
export DEBIAN_FRONTEND=noninteractive

need=""
for p in debootstrap eatmydata e2fsprogs qemu-utils qemu-system-x86 xen-utils-4.17 gcc iproute2 cpio zstd ca-certificates; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need="$need $p"
done
if [ -z "$need" ]; then
    echo "install-spawn-deps: everything already installed"
    exit 0
fi

bp=/etc/apt/sources.list.d/bookworm-backports.sources
if [ ! -e "$bp" ] && ! grep -rqs bookworm-backports /etc/apt/sources.list /etc/apt/sources.list.d/; then
    cat > "$bp" <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi
apt-get update -qq
apt-get install -y -q --no-install-recommends debootstrap eatmydata e2fsprogs gcc libc6-dev iproute2 cpio zstd ca-certificates xen-utils-4.17
# qemu-system-x86 must match qemu-utils' version: take both from bookworm-backports.
apt-get install -y -q --no-install-recommends -t bookworm-backports qemu-system-x86 qemu-utils qemu-system-data ipxe-qemu seabios
echo "install-spawn-deps: done"
