#!/usr/bin/env bash
# Builds the library with libFuzzer + AddressSanitizer and fuzzes one of its entry points.
#   Fuzz/run.sh [TARGET]                  # fuzz TARGET (default check) for FUZZ_SECONDS (default 60)
#   FUZZ_SECONDS=600 Fuzz/run.sh record   # longer
#   Fuzz/run.sh TARGET CRASH_FILE...      # replay inputs once each (reproduce a crash)
# TARGET: check (a playbook), record (a session record), scenarios (a .scenarios file),
# commands (lines typed at run's and practice's prompt).
# Build products and corpora go to .build-fuzz/ (ignored by git); crashing inputs to Fuzz/crashes/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target="${1:-check}"
case "$target" in
    check|record|scenarios|commands) ;;
    *) echo "usage: Fuzz/run.sh [check|record|scenarios|commands] [CRASH_FILE...]" >&2; exit 2 ;;
esac
[[ $# -gt 0 ]] && shift
out="$root/.build-fuzz"
binary="$out/fuzz"
corpus="$out/corpus-$target"
artifacts="$root/Fuzz/crashes/$target-"
brief="${PLAYBOOK_BRIEF:-$root/../shared/brief}"
mkdir -p "$out" "$corpus" "$root/Fuzz/crashes"
export FUZZ_TARGET="$target" FUZZ_PLAYBOOKS="$root/playbooks"

# One module: the library sources plus the entry points. -parse-as-library because there is
# no main.swift (libFuzzer supplies main). The sources are copied first so that edits made
# while it compiles (swiftc refuses "input file was modified during the build") do not matter.
# FUZZ_REBUILD=0 reuses a binary already built (several targets fuzzed side by side).
if [[ "${FUZZ_REBUILD:-1}" != 0 || ! -x "$binary" ]]; then
    snapshot="$out/src"
    rm -rf "$snapshot"
    mkdir -p "$snapshot"
    cp -R Sources/PlaybookKit "$snapshot/"
    cp Fuzz/*.swift "$snapshot/"
    mapfile -d '' sources < <(find "$snapshot" -name '*.swift' -print0 | sort -z)
    echo "building $binary from ${#sources[@]} files" >&2
    # ld.gold warns once per ASan helper symbol ("Cannot export local symbol"); drop that noise.
    swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name PlaybookKit \
        -swift-version 6 "${sources[@]}" -o "$binary" \
        2> >(grep -v "Cannot export local symbol" >&2)
fi

if [[ $# -gt 0 ]]; then
    # Replay the given inputs once each (libFuzzer runs files given as arguments).
    exec "$binary" "$@"
fi

# Seed corpus: what each target reads, from the shipped files and test fixtures.
shopt -s nullglob globstar
seed() { local name; name="$(printf '%s' "$1" | tr '/' '_')"; cp "$1" "$corpus/seed_${name##*_.._}"; }
case "$target" in
    check)
        for file in "$brief"/*.playbook playbooks/*.playbook Tests/PlaybookKitTests/Fixtures/**/*.playbook; do seed "$file"; done
        printf '%s\n' 'playbook "Fuzz"' '  outcomes won, lost, nurture' '' 'use "lib.playbook"' '' \
            'stage a "A"' '  ask ok "Ready?" yes/no' '    no' '      call objections' '  -> end won "ok"' \
            > "$corpus/seed_use_lib.playbook" ;;
    scenarios)
        for file in "$brief"/*.scenarios playbooks/*.scenarios Tests/PlaybookKitTests/Fixtures/**/*.scenarios; do seed "$file"; done ;;
    record|commands)
        # Real records and real typed lines: walk each scenario of every shipped playbook with
        # `playbook run --answers`, keep the record, and the answers it gave as typed lines.
        swift build -q 2>/dev/null
        bin="$(swift build --show-bin-path)/playbook"
        sessions="$out/sessions"
        rm -rf "$sessions"
        for file in playbooks/*.scenarios; do
            playbook="${file%.scenarios}.playbook"
            grep -E '^scenario ' "$file" | sed -E 's/^scenario "(.*)"$/\1/' | while IFS= read -r name; do
                "$bin" run "$playbook" --answers "$file" --scenario "$name" --sessions "$sessions" >/dev/null 2>&1 || true
            done
        done
        # And the records the golden transcripts expect.
        [[ "$target" == record ]] && for file in Tests/PlaybookKitTests/Fixtures/**/*.jsonl; do seed "$file"; done
        for record in "$sessions"/*.jsonl; do
            if [[ "$target" == record ]]; then
                cp "$record" "$corpus/$(basename "$record")"
            else
                # A first byte that picks the program, then one typed line per recorded answer.
                { printf '\x01'; grep -o '"shown":"[^"]*"' "$record" | sed -E 's/"shown":"(.*)"/\1/'; \
                  printf '%s\n' back 'note hello' why tip '?' pause; } > "$corpus/$(basename "$record" .jsonl).txt"
            fi
        done ;;
esac

log="$out/fuzz-$target.log"
echo "fuzzing $target for ${FUZZ_SECONDS:-60} s; corpus $corpus, crashes in Fuzz/crashes/, log $log" >&2
status=0
"$binary" "$corpus" -max_total_time="${FUZZ_SECONDS:-60}" -max_len="${FUZZ_MAX_LEN:-8192}" -timeout=5 \
    -rss_limit_mb=2048 -artifact_prefix="$artifacts" -print_final_stats=1 2>"$log" || status=$?
grep -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb' "$log" || true
if [[ $status -ne 0 ]]; then
    echo "fuzzer stopped with status $status: see $log and Fuzz/crashes/" >&2
    grep -E '^==[0-9]+==ERROR|^ +#[0-9]+ |Fatal error' "$log" | head -20 >&2 || true
fi
exit "$status"
