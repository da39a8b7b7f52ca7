#!/usr/bin/env bash
# Benchmark of `playbook paths`: walks counted, shortest and longest walks and the questions on
# every walk, on large generated playbooks (about 10^2090 and 10^10450 walks) and the reference
# sample. `playbook check` on the same files is measured too: `paths` checks first, so the
# difference is the analysis itself.
# A benchmark, not a test: it always exits 0 and says which budgets were missed.
#
#   bench/paths.sh
#
# environment:
#   GEN_PLAYBOOK_DIR  folder of gen_playbook.py (default: ../shared/bench from the repo root)
#   BENCH_SCRATCH     the build's scratch path (default: .build-bench)
#   BENCH_RUNS        runs per measurement (default 7); the median is reported
#
# Wall time is bash's EPOCHREALTIME around each run (microseconds; /usr/bin/time's own %e has
# 10 ms steps); max RSS is /usr/bin/time's %M.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gen_dir="${GEN_PLAYBOOK_DIR:-$root/../shared/bench}"
scratch="${BENCH_SCRATCH:-.build-bench}"
runs="${BENCH_RUNS:-7}"
[[ -x /usr/bin/time ]] || { echo "bench: needs /usr/bin/time (GNU time)" >&2; exit 0; }

cd "$root"
echo "building release (scratch path $scratch) ..." >&2
# Retried: swiftc gives up when a source file is saved while it compiles.
for attempt in 1 2 3; do
    if swift build -c release --product playbook --scratch-path "$scratch" >&2; then break; fi
    if [[ $attempt == 3 ]]; then echo "bench: the release build failed" >&2; exit 0; fi
    sleep 5
done
binary="$root/$scratch/release/playbook"

work="$(mktemp -d "${TMPDIR:-/tmp}/playbook-paths-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
for n in 10000 50000; do python3 "$gen_dir/gen_playbook.py" "$n" > "$work/bench-$n.playbook"; done
cp playbooks/discovery.playbook playbooks/objections.playbook "$work/"

# run_once ARGS... -> "WALL_SECONDS MAX_RSS_KB EXIT_STATUS OUTPUT_BYTES" for one run in $work.
run_once() {
    local start end status=0
    start=$EPOCHREALTIME
    (cd "$work" && /usr/bin/time -f '%M' -o "$work/time.txt" "$binary" "$@" > "$work/out.txt" 2> /dev/null) || status=$?
    end=$EPOCHREALTIME
    echo "$start $end $(tail -n 1 "$work/time.txt") $status $(wc -c < "$work/out.txt")" |
        awk '{ printf "%.6f %d %d %d\n", $2 - $1, $3, $4, $5 }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure ARGS... -> "MEDIAN_WALL MEDIAN_RSS_KB WORST_EXIT OUTPUT_BYTES" over $runs runs (one warm-up).
measure() {
    local samples="$work/samples.txt"
    : > "$samples"
    run_once "$@" > /dev/null
    for _ in $(seq "$runs"); do run_once "$@" >> "$samples"; done
    echo "$(cut -d' ' -f1 "$samples" | median) $(cut -d' ' -f2 "$samples" | median)" \
        "$(cut -d' ' -f3 "$samples" | sort -g | tail -n 1) $(tail -n 1 "$samples" | cut -d' ' -f4)"
}

echo "measuring (median of $runs runs; load $(cut -d' ' -f1-3 /proc/loadavg)) ..." >&2
rows=()
row() {
    local label="$1"
    shift
    read -r wall rss status bytes < <(measure "$@")
    rows+=("$label|$wall|$rss|$status|$bytes")
}
row "check 10k" check bench-10000.playbook
row "paths 10k" paths bench-10000.playbook
row "check 50k" check bench-50000.playbook
row "paths 50k" paths bench-50000.playbook
row "paths 50k --format json" paths --format json bench-50000.playbook
row "paths 50k --to won" paths --to won bench-50000.playbook
row "paths discovery" paths discovery.playbook

printf '%s\n' "${rows[@]}" | awk -F'|' -v runs="$runs" '
function mb(kb) { return kb * 1024 / 1e6 }
BEGIN { printf "playbook paths (release; median of %d runs)\n\n", runs
        printf "%-26s %10s %10s %12s %5s\n", "command", "wall", "max RSS", "output", "exit" }
{ printf "%-26s %8.3f s %7.1f MB %9.1f KB %5d\n", $1, $2, mb($3), $5 / 1024, $4
  wall[$1] = $2; status[$1] = $4 }
END {
    analysis = wall["paths 50k"] - wall["check 50k"]
    printf "\n%-34s %10.3f s\n", "50k analysis (paths - check)", analysis
    printf "\n%-34s %10s %8s  %s\n", "budget", "measured", "limit", "result"
    ok = wall["paths 50k"] <= 1.0
    printf "%-34s %8.3f s %6s s  %s\n", "50k paths wall time (check incl.)", wall["paths 50k"], "1.0", ok ? "pass" : "MISSED"
    for (name in status) if (status[name]) print "\nnote: \"" name "\" exited " status[name]
    print ok ? "\nall budgets met" : "\n1 budget missed"
}'
exit 0
