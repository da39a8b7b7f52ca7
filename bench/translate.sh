#!/usr/bin/env bash
# Benchmark of translations. A benchmark, not a test: it always exits 0 and says which budgets
# were missed.
#
#   bench/translate.sh
#
# (a) `playbook translate extract` of the 50,000-stage playbook (gen_playbook.py 50000), the
#     whole process, median of 5 (budget: 1 s)
# (b) start-up of `playbook run --lang vi` against `playbook run`, on the shipped discovery
#     playbook with its Vietnamese file, the walk answered to its end from a file: the difference
#     of the medians of 30 runs each, taken in one hyperfine run (budget: 2 ms)
#
# environment: GEN_PLAYBOOK_DIR  folder of gen_playbook.py (default: ../shared/bench from the repo root)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gen_dir="${GEN_PLAYBOOK_DIR:-$root/../shared/bench}"
cd "$root"
echo "building release (--static-swift-stdlib, scratch path .build-bench) ..." >&2
swift build -c release --static-swift-stdlib --scratch-path .build-bench >&2
bin="$root/.build-bench/release/playbook"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$gen_dir/gen_playbook.py" 50000 > "$work/big.playbook"
"$bin" translate extract "$work/big.playbook" > /dev/null  # warm the page cache
extract=$(python3 - "$bin" "$work/big.playbook" <<'PY'
import statistics, subprocess, sys, time
runs = []
for _ in range(5):
    start = time.perf_counter()
    subprocess.run([sys.argv[1], "translate", "extract", sys.argv[2]], check=True, stdout=subprocess.DEVNULL)
    runs.append(time.perf_counter() - start)
print(f"{statistics.median(runs):.3f}")
PY
)
echo "(a) translate extract, 50,000 stages ($(grep -c '^msgid' "$work/big.pot") entries): median ${extract} s (budget 1 s)"
awk -v t="$extract" 'BEGIN { exit !(t <= 1) }' || echo "    MISSED"

cp playbooks/discovery.playbook playbooks/objections.playbook playbooks/discovery.vi.po playbooks/objections.vi.po "$work/"
answers="$root/playbooks/discovery.scenarios"
if command -v hyperfine > /dev/null; then
    hyperfine -N --warmup 3 --runs 30 --export-json "$work/run.json" \
        "$bin run $work/discovery.playbook --answers $answers --sessions $work/s" \
        "$bin run $work/discovery.playbook --answers $answers --sessions $work/s --lang vi" > /dev/null
    python3 - "$work/run.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
plain, lang = (r["median"] * 1000 for r in results)
print(f"(b) run start-up: {plain:.1f} ms, with --lang vi {lang:.1f} ms: +{lang - plain:.1f} ms (budget 2 ms)")
if lang - plain > 2: print("    MISSED")
PY
else
    echo "(b) skipped: hyperfine is not installed (apt-get install hyperfine)"
fi
