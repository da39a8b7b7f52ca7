#!/usr/bin/env bash
# Builds the checker with libFuzzer + AddressSanitizer and fuzzes it.
#   FUZZ_SECONDS=600 Fuzz/run.sh        # default 60 s
#   Fuzz/run.sh CRASH_FILE              # replay one input (reproduce a crash)
#   FUZZ_TARGET=record Fuzz/run.sh      # the session record reader instead of the checker
# Build products and the corpus go to .build-fuzz/ (ignored by git); crashing inputs to Fuzz/crashes/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/.build-fuzz"
target="${FUZZ_TARGET:-check}"
case "$target" in
    check) entry="Fuzz/FuzzCheck.swift"; binary="$out/fuzz-check"; corpus="$out/corpus" ;;
    record) entry="Fuzz/FuzzRecord.swift"; binary="$out/fuzz-record"; corpus="$out/corpus-record" ;;
    *) echo "FUZZ_TARGET is check (default) or record, not '$target'" >&2; exit 2 ;;
esac
artifacts="$root/Fuzz/crashes/"
brief="${PLAYBOOK_BRIEF:-$root/../shared/brief}"
mkdir -p "$out" "$corpus" "$artifacts"

# One module: the library sources plus the entry point. -parse-as-library because there is
# no main.swift (libFuzzer supplies main). The sources are copied first so that edits made
# while it compiles (swiftc refuses "input file was modified during the build") do not matter.
snapshot="$out/src"
rm -rf "$snapshot"
mkdir -p "$snapshot"
cp -R Sources/PlaybookKit "$snapshot/"
cp "$entry" "$snapshot/"
entry="$snapshot/$(basename "$entry")"
mapfile -d '' sources < <(find "$snapshot/PlaybookKit" -name '*.swift' -print0 | sort -z)
echo "building $binary from ${#sources[@]} library files + $(basename "$entry")" >&2
# ld.gold warns once per ASan helper symbol ("Cannot export local symbol"); drop that noise.
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name PlaybookKit \
    -swift-version 6 "${sources[@]}" "$entry" -o "$binary" \
    2> >(grep -v "Cannot export local symbol" >&2)

if [[ $# -gt 0 ]]; then
    # Replay the given inputs once each (libFuzzer runs files given as arguments).
    exec "$binary" "$@"
fi

shopt -s nullglob globstar
if [[ $target == record ]]; then
    # Seed corpus: the records the golden transcripts expect.
    for seed in Tests/PlaybookKitTests/Fixtures/**/*.jsonl; do
        name="$(printf '%s' "$seed" | tr '/' '_')"
        cp "$seed" "$corpus/seed_$name"
    done
else
    # Seed corpus: every shipped playbook and fixture, plus one that uses the fuzzer's lib.playbook.
    for seed in "$brief"/*.playbook playbooks/*.playbook Tests/PlaybookKitTests/Fixtures/**/*.playbook; do
        name="$(printf '%s' "$seed" | tr '/' '_')"
        cp "$seed" "$corpus/seed_${name##*_.._}"
    done
    printf '%s\n' 'playbook "Fuzz"' '  outcomes won, lost, nurture' '' 'use "lib.playbook"' '' \
        'stage a "A"' '  ask ok "Ready?" yes/no' '    no' '      call objections' '  -> end won "ok"' \
        > "$corpus/seed_use_lib.playbook"
fi

log="$out/fuzz.log"
echo "fuzzing for ${FUZZ_SECONDS:-60} s; corpus $corpus, crashes in $artifacts, log $log" >&2
status=0
"$binary" "$corpus" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=4096 -timeout=5 \
    -rss_limit_mb=2048 -artifact_prefix="$artifacts" -print_final_stats=1 2>"$log" || status=$?
grep -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb' "$log" || true
if [[ $status -ne 0 ]]; then
    echo "fuzzer stopped with status $status: see $log and $artifacts" >&2
    grep -E '^==[0-9]+==ERROR|^ +#[0-9]+ ' "$log" | head -20 >&2 || true
fi
exit "$status"
