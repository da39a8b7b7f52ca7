#!/usr/bin/env bash
# Benchmark of `playbook lsp`, spoken to by bench/lsp_driver.py over its stdin and stdout.
# A benchmark, not a test: it always exits 0 and says which budgets were missed.
#
#   bench/lsp.sh
#
# (a) a 2,000-line playbook (gen_playbook.py 222): one-line changes sent as incremental
#     didChange, one at a time; from writing a change to reading its publishDiagnostics,
#     median and p99 (budget: 15 ms)
# (b) 10,000 more such edits: the server's VmRSS every 1,000 (budget: flat, within 10% and
#     10 MB of the first sample)
# (c) didOpen of the 50,000-stage file (13 MB) to its publishDiagnostics (budget: 0.5 s)
#
# environment:
#   GEN_PLAYBOOK_DIR  folder of gen_playbook.py (default: ../shared/bench from the repo root)
#   LSP_CHANGES       changes timed in (a) (default 300); LSP_EDITS edits in (b) (default 10000)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gen_dir="${GEN_PLAYBOOK_DIR:-$root/../shared/bench}"
changes="${LSP_CHANGES:-300}"
edits="${LSP_EDITS:-10000}"

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

work="$(mktemp -d "${TMPDIR:-/tmp}/playbook-bench-lsp.XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 "$gen_dir/gen_playbook.py" 222 > "$work/bench-2000-lines.playbook"
python3 "$gen_dir/gen_playbook.py" 50000 > "$work/bench-50000.playbook"

echo "measuring (load $(cut -d' ' -f1-3 /proc/loadavg)) ..." >&2
if ! python3 "$root/bench/lsp_driver.py" "$binary" "$work/bench-2000-lines.playbook" "$work/bench-50000.playbook" \
        --changes "$changes" --edits "$edits" > "$work/out.txt"; then
    cat "$work/out.txt"
    echo "bench: the driver failed (see above); no budgets judged"
    exit 0
fi
head -n -1 "$work/out.txt"
# For comparison: `playbook check` of the same file now, the floor of (c) (median of 3).
check_ms=$(for run in 1 2 3; do
    start=$EPOCHREALTIME
    "$binary" check "$work/bench-50000.playbook" > /dev/null 2>&1 || true
    end=$EPOCHREALTIME
    LC_ALL=C awk -v s="$start" -v e="$end" 'BEGIN { printf "%.0f\n", (e - s) * 1000 }'
done | sort -n | sed -n 2p)
echo "(c) for comparison, playbook check of the same file: ${check_ms} ms (load $(cut -d' ' -f1-3 /proc/loadavg))"
tail -n 1 "$work/out.txt" | python3 -c '
import json, sys
figures = json.load(sys.stdin)
rss = figures["rss_kib"]
growth = rss[-1] - rss[0]
rows = [
    ("(a) change to diagnostics, median", "%.2f ms" % figures["median_ms"], "15 ms", figures["median_ms"] <= 15),
    ("(a) change to diagnostics, p99", "%.2f ms" % figures["p99_ms"], "15 ms", figures["p99_ms"] <= 15),
    ("(b) VmRSS growth over the edits", "%+d KiB" % growth, "10%, 10 MB", growth <= max(0, min(rss[0] * 0.10, 10 * 1024))),
    ("(c) 50k didOpen to diagnostics", "%.0f ms" % figures["large_open_ms"], "500 ms", figures["large_open_ms"] <= 500),
]
print("\n%-36s %12s %12s  %s" % ("budget", "measured", "limit", "result"))
missed = 0
for name, measured, limit, ok in rows:
    missed += not ok
    print("%-36s %12s %12s  %s" % (name, measured, limit, "pass" if ok else "MISSED"))
print("\n%d budget(s) missed" % missed if missed else "\nall budgets met")
'
exit 0
