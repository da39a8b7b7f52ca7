#!/usr/bin/env bash
# Benchmark of `playbook run` on long walks: every answer is recorded and flushed to disk before
# the next question, so this measures the runner and the record together.
# A benchmark, not a test: it prints figures and always exits 0.
#
#   bench/run.sh [STAGES...]      (default: 10000 50000)
#
# environment:
#   GEN_PLAYBOOK_DIR  folder of gen_playbook.py (default: ../shared/bench from the repo root)
#   SESSIONS_DIR      where the records go (default: a temporary folder, removed after). The
#                     flush cost depends on the file system: tmpfs is far faster than a disk.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gen_dir="${GEN_PLAYBOOK_DIR:-$root/../shared/bench}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sessions="${SESSIONS_DIR:-$work/sessions}"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000 50000)

cd "$root"
echo "building release (scratch path .build-bench) ..." >&2
swift build -c release --product playbook --scratch-path .build-bench > /dev/null
bin="$root/.build-bench/release/playbook"

printf '%-8s %10s %10s %12s %14s %10s\n' stages answers "wall s" "answers/s" "record bytes" "max RSS"
for size in "${sizes[@]}"; do
    python3 "$gen_dir/gen_playbook.py" "$size" > "$work/p$size.playbook"
    # The generated playbook asks one yes/no question per stage; 'yes' walks every stage.
    (yes yes || true) | head -n $((size + 10)) > "$work/answers$size"
    start=$EPOCHREALTIME
    /usr/bin/time -f '%M' -o "$work/rss" "$bin" run "$work/p$size.playbook" --sessions "$sessions" \
        < "$work/answers$size" > "$work/out$size"
    end=$EPOCHREALTIME
    record="$(ls -t "$sessions"/*.jsonl | head -1)"
    answers="$(grep -c '"event":"answer"' "$record")"
    wall="$(python3 -c "print(f'{$end - $start:.2f}')")"
    rate="$(python3 -c "print(int($answers / ($end - $start)))")"
    rss_kb="$(tail -1 "$work/rss")"
    printf '%-8s %10s %10s %12s %14s %9sM\n' "$size" "$answers" "$wall" "$rate" "$(stat -c %s "$record")" \
        "$((rss_kb / 1024))"
    grep -m1 '^Outcome' "$work/out$size" | sed 's/^/         /' || echo '         (no outcome: see the output)'
done
