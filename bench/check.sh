#!/usr/bin/env bash
# Benchmark of `playbook check`: large generated playbooks and the reference sample.
# A benchmark, not a test: it always exits 0 and says which budgets were missed.
#
#   bench/check.sh
#
# environment:
#   GEN_PLAYBOOK_DIR  folder of gen_playbook.py (default: ../shared/bench from the repo root)
#   BRIEF_DIR         folder of the reference sample discovery.playbook (default: ../shared/brief)
#   BENCH_TIMER       hyperfine | time | python (default: hyperfine if installed, else
#                     /usr/bin/time, else python3; python also takes max RSS without /usr/bin/time)
#   BENCH_RUNS        runs per large file (default 7); BENCH_SAMPLE_RUNS for the sample (default 21)
#
# Wall time is taken with microsecond resolution (hyperfine, or bash's EPOCHREALTIME around
# /usr/bin/time, whose own %e has only 10 ms steps: too coarse for a 10 ms budget or a 1.3
# ratio). Max RSS comes from /usr/bin/time's %M, or from getrusage in python3 without it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gen_dir="${GEN_PLAYBOOK_DIR:-$root/../shared/bench}"
brief_dir="${BRIEF_DIR:-$root/../shared/brief}"
runs="${BENCH_RUNS:-7}"
sample_runs="${BENCH_SAMPLE_RUNS:-21}"

if [[ -n "${BENCH_TIMER:-}" ]]; then
    timer="$BENCH_TIMER"
elif command -v hyperfine > /dev/null; then
    timer=hyperfine
elif [[ -x /usr/bin/time ]]; then
    timer=time
else
    timer=python
fi
# Max RSS always needs /usr/bin/time or python3: hyperfine does not report it.
if [[ $timer != python && -x /usr/bin/time ]]; then rss_tool=time; else rss_tool=python; fi

cd "$root"
echo "building release (--static-swift-stdlib, scratch path .build-bench) ..." >&2
# Retried: swiftc gives up when a source file is saved while it compiles.
for attempt in 1 2 3 4 5; do
    if swift build -c release --static-swift-stdlib --scratch-path .build-bench >&2; then break; fi
    if [[ $attempt == 5 ]]; then echo "bench: the release build failed" >&2; exit 1; fi
    echo "build failed, retrying ..." >&2
    sleep 5
done
binary="$root/.build-bench/release/playbook"

work="$(mktemp -d "${TMPDIR:-/tmp}/playbook-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
for n in 10000 50000; do
    python3 "$gen_dir/gen_playbook.py" "$n" > "$work/bench-$n.playbook"
done

# run_once FILE -> prints "WALL_SECONDS MAX_RSS_KB EXIT_STATUS" for one `playbook check FILE`,
# run in the current folder with its output thrown away.
run_once() {
    if [[ $rss_tool == time ]]; then
        local start end status=0
        start=$EPOCHREALTIME
        /usr/bin/time -f '%e %M' -o "$work/time.txt" "$binary" check "$1" > /dev/null 2>&1 || status=$?
        end=$EPOCHREALTIME
        # On a failing command GNU time writes "Command exited with non-zero status N" first.
        echo "$start $end $(tail -n 1 "$work/time.txt") $status" |
            awk '{ printf "%.6f %d %d\n", $2 - $1, $4, $5 }'
    else
        python3 - "$binary" check "$1" <<'PY'
import resource, subprocess, sys, time
start = time.perf_counter()
status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
wall = time.perf_counter() - start
# This python process has exactly one child, so the children's max RSS is that child's; it
# counts python's own pages at the spawn too (Linux keeps the high-water mark across exec), so
# small figures such as the sample's read about 7 MB high here; the large files are not affected.
print(f"{wall:.6f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss} {status}")
PY
    fi
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure FILE RUNS -> prints "MEDIAN_WALL_SECONDS MEDIAN_MAX_RSS_KB EXIT_STATUS"
measure() {
    local file="$1" count="$2" samples="$work/samples.txt" wall status
    : > "$samples"
    run_once "$file" > /dev/null # warm the page cache
    if [[ $timer == hyperfine ]]; then
        hyperfine -N --warmup 2 --runs "$count" -i --export-json "$work/hyperfine.json" \
            "$binary check $file" > /dev/null 2>&1
        wall="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' \
            "$work/hyperfine.json")"
        local rss_runs=$(( count < 5 ? count : 5 ))
        for _ in $(seq "$rss_runs"); do run_once "$file" >> "$samples"; done
    else
        for _ in $(seq "$count"); do run_once "$file" >> "$samples"; done
        wall="$(cut -d' ' -f1 "$samples" | median)"
    fi
    status="$(cut -d' ' -f3 "$samples" | sort -g | tail -n 1)"
    echo "$wall $(cut -d' ' -f2 "$samples" | median) $status"
}

echo "measuring ($timer for wall time, $rss_tool for max RSS; load $(cut -d' ' -f1-3 /proc/loadavg)) ..." >&2
read -r wall10 rss10 status10 < <(measure "$work/bench-10000.playbook" "$runs")
read -r wall50 rss50 status50 < <(measure "$work/bench-50000.playbook" "$runs")
cd "$brief_dir"
read -r wall_ref rss_ref status_ref < <(measure discovery.playbook "$sample_runs")
cd "$root"

awk -v w10="$wall10" -v r10="$rss10" -v s10="$status10" \
    -v w50="$wall50" -v r50="$rss50" -v s50="$status50" \
    -v wr="$wall_ref" -v rr="$rss_ref" -v sr="$status_ref" \
    -v timer="$timer" -v runs="$runs" -v sruns="$sample_runs" '
function mb(kb) { return kb * 1024 / 1e6 }
function verdict(ok) { if (!ok) missed++; return ok ? "pass" : "MISSED" }
BEGIN {
    printf "playbook check (release, static stdlib; median of %d runs, sample %d; %s)\n\n", runs, sruns, timer
    printf "%-22s %8s %10s %10s %12s %5s\n", "file", "stages", "wall", "max RSS", "per stage", "exit"
    printf "%-22s %8d %8.3f s %7.1f MB %9.2f us %5d\n", "bench-10000.playbook", 10000, w10, mb(r10), w10 / 10000 * 1e6, s10
    printf "%-22s %8d %8.3f s %7.1f MB %9.2f us %5d\n", "bench-50000.playbook", 50000, w50, mb(r50), w50 / 50000 * 1e6, s50
    printf "%-22s %8s %7.2f ms %7.1f MB %12s %5d\n", "discovery.playbook", "-", wr * 1000, mb(rr), "-", sr
    ratio = (w50 / 50000) / (w10 / 10000)
    printf "\n%-30s %12s %10s  %s\n", "budget", "measured", "limit", "result"
    printf "%-30s %10.3f s %8s s  %s\n", "50k check wall time", w50, "0.3", verdict(w50 <= 0.3)
    printf "%-30s %9.1f MB %7s MB  %s\n", "50k check max RSS", mb(r50), "150", verdict(mb(r50) <= 150)
    printf "%-30s %12.2f %10s  %s\n", "per-stage time 50k / 10k", ratio, "1.3", verdict(ratio <= 1.3)
    printf "%-30s %9.2f ms %7s ms  %s\n", "reference sample", wr * 1000, "10", verdict(wr * 1000 <= 10)
    if (s10 || s50 || sr) print "\nnote: a check exited non-zero (exit column): it found problems or failed."
    print missed ? "\n" missed " budget(s) missed" : "\nall budgets met"
}'
exit 0
