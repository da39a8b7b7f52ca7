#!/usr/bin/env bash
# Benchmark of `playbook report` and `playbook export` over a team's records (issue 11's budget):
# `report DIR` at most 2.0 s and 100 MB on 100,000 records, its time per session at 100,000 at most
# 1.2 times that at 10,000, and `export --format jsonl` at most 4 s. The records are made by
# ../shared/bench/gen_sessions.py from real walks of playbooks/sales-process-en.playbook (100,000
# records: 879 MB, 4.77 million events). A benchmark, not a test: it always exits 0 and says
# which figures missed the budget.
#
#   bench/report.sh
#
# environment:
#   BENCH_RUNS     runs per measurement (default 3; the median is kept)
#   BENCH_DATA     where the generated folders are kept between runs (default /tmp/playbook-report-bench)
#   BENCH_BINARY   measure this playbook binary instead of building one
#
# Each folder is read once before it is timed, so that the page cache holds it (the C floor of
# FACTS.md, 1.0 s for reading every byte, is also with a warm cache). Wall time from bash's
# EPOCHREALTIME around /usr/bin/time; max RSS from its %M.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${BENCH_RUNS:-3}"
data="${BENCH_DATA:-/tmp/playbook-report-bench}"
generator="$root/../shared/bench/gen_sessions.py"
[[ -f "$generator" ]] || { echo "report.sh: $generator is missing (../shared beside the repository)" >&2; exit 0; }
if [[ -n "${BENCH_BINARY:-}" ]]; then
    binary="$BENCH_BINARY"
else
    (cd "$root" && swift build -c release >/dev/null)
    binary="$(cd "$root" && swift build -c release --show-bin-path)/playbook"
fi
mkdir -p "$data"
for n in 10000 100000; do
    if [[ ! -f "$data/$n.done" ]]; then
        rm -rf "${data:?}/$n"
        python3 "$generator" "$n" "$data/$n" --bin "$binary" >/dev/null
        touch "$data/$n.done"
    fi
    cat "$data/$n"/*.jsonl >/dev/null 2>&1 || find "$data/$n" -name '*.jsonl' -exec cat {} + >/dev/null
done

# The median wall seconds and max RSS (KB) of a command, over $runs runs: "SECONDS KB".
measure() {
    local times=() rss=() start end kb
    for _ in $(seq "$runs"); do
        start=$EPOCHREALTIME
        /usr/bin/time -o "$data/rss" -f "%M" "$@" >/dev/null 2>/dev/null || true
        kb=$(tail -1 "$data/rss")
        end=$EPOCHREALTIME
        times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
        rss+=("$kb")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "%s ", t[int((NR + 1) / 2)] }'
    printf '%s\n' "${rss[@]}" | sort -n | tail -1
}

missed=()
echo "playbook report and export, median of $runs (binary: $binary)"
read -r small small_kb < <(measure "$binary" report "$data/10000" --format json --as-of 2026-12-01)
read -r big big_kb < <(measure "$binary" report "$data/100000" --format json --as-of 2026-12-01)
read -r text text_kb < <(measure "$binary" report "$data/100000" --as-of 2026-12-01)
read -r jsonl jsonl_kb < <(measure "$binary" export "$data/100000" --format jsonl --output /dev/null)
ratio=$(awk -v a="$small" -v b="$big" 'BEGIN { printf "%.2f", (b / 100000) / (a / 10000) }')
printf '  %-44s %7s s %8s KB\n' "report 10,000 records (json)" "$small" "$small_kb"
printf '  %-44s %7s s %8s KB\n' "report 100,000 records (json)" "$big" "$big_kb"
printf '  %-44s %7s s %8s KB\n' "report 100,000 records (text)" "$text" "$text_kb"
printf '  %-44s %7s s %8s KB\n' "export 100,000 records (jsonl to /dev/null)" "$jsonl" "$jsonl_kb"
printf '  %-44s %7s\n' "time per session, 100,000 over 10,000" "$ratio"
awk -v t="$big" 'BEGIN { exit !(t > 2.0) }' && missed+=("report 100,000: $big s > 2.0 s")
awk -v k="$big_kb" 'BEGIN { exit !(k > 102400) }' && missed+=("report 100,000: $big_kb KB > 100 MB")
awk -v r="$ratio" 'BEGIN { exit !(r > 1.2) }' && missed+=("per-session ratio $ratio > 1.2")
awk -v t="$jsonl" 'BEGIN { exit !(t > 4.0) }' && missed+=("export 100,000: $jsonl s > 4 s")
if ((${#missed[@]})); then
    printf 'missed the budget:\n'
    printf '  %s\n' "${missed[@]}"
else
    echo "every figure is within the budget"
fi
