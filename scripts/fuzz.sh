#!/usr/bin/env bash
# Fuzz vmcs for a fixed time per target; fail if any target crashes, hangs or runs out of
# memory. Installs what it needs (a nightly toolchain and cargo-fuzz) on first use.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   run each target for SECONDS (default 30)
#   scripts/fuzz.sh --replay [TARGET...]    run the saved reproducers in fuzz/regressions/
#                                           once each and say which still crash
#
# Targets: parse (vmcs_syntax::parse), compile (vmcs_pan, small limits), packages (the
# Packages/status reader and resolver of vmcs-deps), profile (vmcs_model's and vmcs-deps'
# profile readers). Seed corpora are generated into fuzz/corpus/ from the conformance tree,
# the examples and the crates' test data (never committed); what a run adds to them stays
# for the next run. A crash leaves its input in fuzz/artifacts/<target>/; the script prints
# the path and the command that replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

ALL_TARGETS=(parse compile packages profile)
REPLAY=0
SECONDS_PER_TARGET=30
if [[ "${1:-}" == "--replay" ]]; then
    REPLAY=1
    shift
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then
    SECONDS_PER_TARGET=$1
    shift
fi
TARGETS=("$@")
if [[ ${#TARGETS[@]} -eq 0 ]]; then
    TARGETS=("${ALL_TARGETS[@]}")
fi
for t in "${TARGETS[@]}"; do
    [[ " ${ALL_TARGETS[*]} " == *" $t "* ]] || { echo "fuzz.sh: unknown target \`$t\` (have: ${ALL_TARGETS[*]})" >&2; exit 2; }
done

# --- tools -----------------------------------------------------------------------------
if ! rustup toolchain list | grep -q '^nightly'; then
    echo "fuzz.sh: installing the nightly toolchain (cargo-fuzz needs -Z sanitizer flags)"
    rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

# --- seed corpora ----------------------------------------------------------------------
# Copies files into a corpus directory under names made from their paths (idempotent).
seed() {
    local dir=$ROOT/fuzz/corpus/$1
    shift
    mkdir -p "$dir"
    local f
    for f in "$@"; do
        [[ -f "$f" ]] || continue
        # Larger files slow every execution; libFuzzer still mutates towards size.
        [[ $(stat -c %s "$f") -le 262144 ]] || continue
        cp -f "$f" "$dir/seed-$(echo "${f#"$ROOT"/}" | tr '/' '_')"
    done
}

make_corpora() {
    cd "$ROOT"
    local pan=()
    while IFS= read -r -d '' f; do pan+=("$f"); done \
        < <(find tests/pan examples -name '*.pan' -print0 2>/dev/null)
    seed parse "${pan[@]}"
    seed compile "${pan[@]}"
    local pkgs=()
    while IFS= read -r -d '' f; do pkgs+=("$f"); done \
        < <(find crates/vmcs-deps/tests/data -type f \( -name '*.case' -o -name '*.txt' -o -name '*.Packages' \) -print0)
    seed packages "${pkgs[@]}"
    # A slice of a real index, when apt has lists here (plain text; lz4cat if present).
    local real
    real=$(ls /var/lib/apt/lists/*_Packages.lz4 2>/dev/null | head -1 || true)
    if [[ -n "$real" ]] && command -v lz4cat >/dev/null; then
        lz4cat "$real" 2>/dev/null | head -c 60000 | awk 'BEGIN{RS="";ORS="\n\n"} NR<30' \
            > "$ROOT/fuzz/corpus/packages/seed-real-index-head" || true
    fi
    local profiles=()
    while IFS= read -r -d '' f; do profiles+=("$f"); done \
        < <(find crates/vmcs-spawn/tests/data crates/vmcs-deps/tests/data/profiles \
                -type f \( -name '*.json' -o -name '*.xml' \) -print0 2>/dev/null)
    seed profile "${profiles[@]}"
    cd "$ROOT/fuzz"
}

# libFuzzer flags per target: time per input, memory, input size.
flags() {
    case $1 in
        parse) echo "-timeout=10 -rss_limit_mb=2048 -max_len=65536" ;;
        compile) echo "-timeout=10 -rss_limit_mb=2048 -max_len=32768" ;;
        packages) echo "-timeout=10 -rss_limit_mb=2048 -max_len=131072" ;;
        profile) echo "-timeout=10 -rss_limit_mb=2048 -max_len=131072" ;;
    esac
}

cd "$ROOT/fuzz"
FAILED=()
if [[ $REPLAY -eq 1 ]]; then
    for t in "${TARGETS[@]}"; do
        for r in "$ROOT"/fuzz/regressions/"$t"/*; do
            [[ -f "$r" ]] || continue
            # Whole files: no -max_len here (libFuzzer would cut the input to it).
            if cargo +nightly fuzz run "$t" "$r" -- -runs=1 -timeout=10 -rss_limit_mb=2048 >/dev/null 2>&1; then
                echo "fixed        $t ${r#"$ROOT"/}"
            else
                echo "still fails  $t ${r#"$ROOT"/}"
                FAILED+=("$t:${r#"$ROOT"/}")
            fi
        done
    done
    [[ ${#FAILED[@]} -eq 0 ]] || exit 1
    exit 0
fi

make_corpora
for t in "${TARGETS[@]}"; do
    echo "== fuzz $t for ${SECONDS_PER_TARGET}s"
    log=$ROOT/fuzz/artifacts/$t.log
    mkdir -p "$ROOT/fuzz/artifacts/$t"
    set +e
    # shellcheck disable=SC2046
    cargo +nightly fuzz run "$t" "$ROOT/fuzz/corpus/$t" -- \
        -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 \
        -artifact_prefix="$ROOT/fuzz/artifacts/$t/" $(flags "$t") >"$log" 2>&1
    status=$?
    set -e
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    if [[ $status -ne 0 ]]; then
        FAILED+=("$t")
        echo "   FAILED ($status) after ${execs:-?} executions; log: ${log#"$ROOT"/}"
        grep -E '^(==[0-9]+==ERROR|thread .* panicked|SUMMARY|Test unit written)' "$log" | head -5 | sed 's/^/   /'
        art=$(grep -o 'Test unit written to [^ ]*' "$log" | tail -1 | sed 's/Test unit written to //')
        [[ -n "$art" ]] && echo "   replay: (cd fuzz && cargo +nightly fuzz run $t $art)"
    else
        echo "   ok: ${execs:-?} executions, corpus $(ls "$ROOT/fuzz/corpus/$t" | wc -l) inputs"
    fi
done
if [[ ${#FAILED[@]} -ne 0 ]]; then
    echo "fuzz.sh: crashes in: ${FAILED[*]}"
    exit 1
fi
echo "fuzz.sh: no crash in ${TARGETS[*]} (${SECONDS_PER_TARGET}s each)"
