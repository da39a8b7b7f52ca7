#!/usr/bin/env bash
# Benchmark of `playbook test --explore` and `--random` on generated playbooks.
# A benchmark, not a test: it prints figures and always exits 0.
#
#   bench/explore.sh
#
# Budgets (issue 6): explore of the 10,000-stage playbook in at most 5 s; random walks at
# 100,000 answers per second or more.
#
# environment:
#   GEN_PLAYBOOK_DIR  folder of gen_playbook.py (default: ../shared/bench from the repo root)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gen_dir="${GEN_PLAYBOOK_DIR:-$root/../shared/bench}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
echo "building release (scratch path .build-bench) ..." >&2
swift build -c release --product playbook --scratch-path .build-bench > /dev/null
bin="$root/.build-bench/release/playbook"

seconds() { python3 -c "print(f'{$2 - $1:.3f}')"; }

python3 "$gen_dir/gen_playbook.py" 10000 > "$work/p10k.playbook"
python3 "$gen_dir/gen_playbook.py" 50000 > "$work/p50k.playbook"

start=$EPOCHREALTIME
"$bin" test "$work/p10k.playbook" --explore > "$work/explore.txt" || true
end=$EPOCHREALTIME
explored="$(head -1 "$work/explore.txt")"
wall="$(seconds "$start" "$end")"
verdict="$(python3 -c "print('pass' if $wall <= 5 else 'MISSED')")"
echo "explore, 10,000 stages: ${wall} s (budget 5 s: $verdict)  [$explored]"
sed -n 2p "$work/explore.txt"

# Random walks: the check alone is timed too and taken off, so the rate is the walking.
start=$EPOCHREALTIME
"$bin" check "$work/p50k.playbook" > /dev/null
end=$EPOCHREALTIME
check="$(seconds "$start" "$end")"
start=$EPOCHREALTIME
"$bin" test "$work/p50k.playbook" --random 20 --seed 1 > "$work/random.txt" || true
end=$EPOCHREALTIME
wall="$(seconds "$start" "$end")"
answers="$(head -1 "$work/random.txt" | sed -E 's/.*, ([0-9]+) answers.*/\1/')"
rate="$(python3 -c "print(int($answers / max(0.001, $wall - $check)))")"
verdict="$(python3 -c "print('pass' if $rate >= 100000 else 'MISSED')")"
echo "random walks, 50,000 stages: $answers answers in ${wall} s (check ${check} s): $rate answers/s (budget 100,000/s: $verdict)"
