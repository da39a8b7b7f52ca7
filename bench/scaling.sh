#!/usr/bin/env bash
# Benchmark of how each command scales: every input shape that once took more than linear time
# (a choice of many options, a chain of flows each calling the next, many questions to explore,
# a long piped line, a diagnostic on a long line), at a size n and at 10n, with the wall time
# and max RSS of each command and their ratio. Linear is a ratio near 10; the budget is 12.
# A benchmark, not a test: it always exits 0 and says which ratios missed the budget.
#
#   bench/scaling.sh
#
# environment:
#   BENCH_RUNS     runs per measurement (default 3; the median is kept)
#   BENCH_SCALE    multiplies every n (default 1; 0.25 for a quick look, 2 on a quiet machine)
#   BENCH_BINARY   measure this playbook binary instead of building one (an older build, say)
#   BENCH_TIMEOUT  seconds after which a run is stopped (default 300; its figures are then the
#                  time so far)
#
# Wall time is taken with bash's EPOCHREALTIME around /usr/bin/time (whose own %e has 10 ms
# steps); max RSS from its %M, or from getrusage in python3 without it. Records of `run` go to
# a temporary folder (on /dev/shm when there is one, so that the flush of every answer measures
# the runner, not the disk).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${BENCH_RUNS:-3}"
scale="${BENCH_SCALE:-1}"
limit="${BENCH_TIMEOUT:-300}"
if [[ -d /dev/shm && -w /dev/shm ]]; then shm=/dev/shm; else shm="${TMPDIR:-/tmp}"; fi
work="$(mktemp -d "$shm/playbook-scaling.XXXXXX")"
trap 'rm -rf "$work"' EXIT

cd "$root"
if [[ -n "${BENCH_BINARY:-}" ]]; then
    binary="$BENCH_BINARY"
else
    echo "building release (scratch path .build-release) ..." >&2
    # Retried: swiftc gives up when a source file is saved while it compiles.
    for attempt in 1 2 3 4 5; do
        if swift build -c release --product playbook --scratch-path .build-release >&2; then break; fi
        if [[ $attempt == 5 ]]; then echo "bench: the release build failed" >&2; exit 1; fi
        echo "build failed, retrying ..." >&2
        sleep 5
    done
    binary="$root/.build-release/release/playbook"
fi

# run_once STDIN ARGS... -> "WALL_SECONDS MAX_RSS_KB OUTPUT_BYTES" for one run, in $work.
run_once() {
    local input="$1"
    shift
    rm -rf "$work/sessions"
    if [[ -x /usr/bin/time ]]; then
        local start end
        start=$EPOCHREALTIME
        /usr/bin/time -f '%M' -o "$work/time.txt" timeout "$limit" "$binary" "$@" < "$input" > "$work/out.txt" 2>&1 || true
        end=$EPOCHREALTIME
        echo "$start $end $(tail -n 1 "$work/time.txt") $(stat -c %s "$work/out.txt")" |
            awk '{ printf "%.6f %d %d\n", $2 - $1, $3, $4 }'
    else
        python3 - "$limit" "$input" "$work/out.txt" "$binary" "$@" <<'PY'
import os, resource, subprocess, sys, time
limit, source, output, command = float(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
start = time.perf_counter()
with open(source, "rb") as stdin, open(output, "wb") as stdout:
    try:
        subprocess.run(command, stdin=stdin, stdout=stdout, stderr=subprocess.STDOUT, timeout=limit)
    except subprocess.TimeoutExpired:
        pass
wall = time.perf_counter() - start
print(f"{wall:.6f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss} {os.path.getsize(output)}")
PY
    fi
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure STDIN ARGS... -> "MEDIAN_WALL MEDIAN_RSS_KB OUTPUT_BYTES"
measure() {
    local samples="$work/samples.txt"
    : > "$samples"
    for _ in $(seq "$runs"); do run_once "$@" >> "$samples"; done
    echo "$(cut -d' ' -f1 "$samples" | median) $(cut -d' ' -f2 "$samples" | median) $(cut -d' ' -f3 "$samples" | tail -n 1)"
}

results="$work/results.txt"
: > "$results"
# row ITEM SHAPE N COMMAND... : measures the command on the shape at n and at 10n; in the
# command, FILE is the playbook and SESSIONS the folder for records.
row() {
    local item="$1" shape="$2" n
    n="$(awk -v n="$3" -v s="$scale" 'BEGIN { printf "%d", n * s }')"
    shift 3
    local figures=""
    for size in "$n" $(( n * 10 )); do
        [[ -f "$work/$shape-$size.playbook" ]] || python3 "$root/bench/gen_scaling.py" "$shape" "$size" "$work"
        local args=() word
        for word in "$@"; do
            word="${word//FILE/$work/$shape-$size.playbook}"
            args+=("${word//SESSIONS/$work/sessions}")
        done
        figures+=" $(measure "$work/$shape-$size.answers" "${args[@]}")"
    done
    local shown=()
    for word in "$@"; do [[ $word == --sessions || $word == SESSIONS ]] || shown+=("$word"); done
    echo "$item|$shape|$n|${shown[*]}|$figures" >> "$results"
    echo "  $item $shape $n: ${shown[*]}" >&2
}

echo "measuring ($runs runs each; load $(cut -d' ' -f1-3 /proc/loadavg)) ..." >&2
row 13 options 20000 check FILE
row 13 options 20000 run --sessions SESSIONS FILE
row 13 options 20000 graph FILE
row 13 options 20000 paths FILE
row 13 options 20000 test FILE --explore
row 14 calls 2000 check FILE
row 14 calls 2000 run --sessions SESSIONS FILE
row 14 calls 2000 graph FILE
row 14 calls 2000 graph --format svg FILE
row 14 calls 2000 paths FILE
row 14 calls 2000 test FILE --explore
row 15 questions 4000 test FILE --explore
row 16 note 1000000 run --sessions SESSIONS FILE
row 17 longline 1000000 check FILE

awk -F'|' -v runs="$runs" '
function mb(kb) { return kb * 1024 / 1e6 }
BEGIN {
    printf "playbook: each command at n and 10n (release build; median of %d runs)\n\n", runs
    printf "%-4s %-10s %8s %-24s %9s %8s %9s %8s %7s %7s  %s\n", "item", "input", "n", "command", \
        "time n", "RSS n", "time 10n", "RSS 10n", "time x", "RSS x", "budget 12"
}
{
    split($5, f, " ")
    tr = f[4] / (f[1] > 0 ? f[1] : 1e-6)
    mr = f[5] / (f[2] > 0 ? f[2] : 1)
    ok = tr <= 12 && mr <= 12
    if (!ok) missed++
    printf "%-4s %-10s %8d %-24s %7.3f s %5.0f MB %7.3f s %5.0f MB %7.1f %7.1f  %s\n", $1, $2, $3, \
        substr($4, 1, 24), f[1], mb(f[2]), f[4], mb(f[5]), tr, mr, ok ? "pass" : "MISSED"
    if ($2 == "longline") longline = sprintf("%d and %d bytes", f[3], f[6])
}
END {
    if (longline != "") printf "\nitem 17: the diagnostic on a line of n and 10n bytes prints %s\n", longline
    print missed ? "\n" missed " ratio(s) over 12 (a noisy machine shows some: run again to be sure)" : "\nevery ratio within 12"
}' "$results"
exit 0
