#!/bin/sh
# Install what building and testing vmcs needs on a fresh Debian 12 machine (idempotent).
# Rust comes from rustup (already on the machine); everything else from Debian.
set -eu
export DEBIAN_FRONTEND=noninteractive
here=$(cd "$(dirname "$0")" && pwd)
# apt's package lists are also test data for the dependency resolver (vmcs deps).
if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then
    apt-get update -qq
fi
need=""
for p in python3 dpkg-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need="$need $p"
done
[ -z "$need" ] || apt-get install -y -q --no-install-recommends $need
"$here/install-spawn-deps.sh"
