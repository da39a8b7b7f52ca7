#!/usr/bin/env bash
# Load benchmark of `playbook serve` (issue 14): 200 reps walking a deal each, all at once, on
# loopback. Each answer's POST is timed to the end of the next page (POST, 303, GET), with the
# record's fdatasync in between. Budget: p99 at most 20 ms, the server's memory at most 60 MB,
# and no answer lost: afterwards every record is read and must hold every answer the client
# saw acknowledged. A benchmark, not a test: it always exits 0 and says what missed.
#
# It runs the load twice on one server: reps who take about a second to answer (BENCH_THINK,
# each pause drawn from half to one and a half times it), which is what the budget is about,
# and reps who answer the moment the page arrives, which measures the most answers a second
# the machine serves (there, each answer waits for the 199 others ahead of it).
#
#   bench/serve.sh
#
# environment:
#   BENCH_SESSIONS  reps at once (default 200)
#   BENCH_SECONDS   each load's time limit (default 60)
#   BENCH_THINK     a rep's seconds to answer in the first load, on average (default 1)
#   BENCH_PLAYBOOK  the playbook walked (default playbooks/sales-process-en.playbook)
#   BENCH_BINARY    measure this playbook binary instead of building one
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sessions="${BENCH_SESSIONS:-200}"
seconds="${BENCH_SECONDS:-60}"
think="${BENCH_THINK:-1}"
playbook="${BENCH_PLAYBOOK:-$root/playbooks/sales-process-en.playbook}"
if [[ -n "${BENCH_BINARY:-}" ]]; then
    binary="$BENCH_BINARY"
else
    (cd "$root" && swift build -c release >/dev/null)
    binary="$(cd "$root" && swift build -c release --show-bin-path)/playbook"
fi
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
"$binary" serve "$playbook" --sessions "$work/sessions" > "$work/out" 2> "$work/err" &
server=$!
for _ in $(seq 100); do grep -q 'http://' "$work/out" 2>/dev/null && break; sleep 0.1; done
address="$(grep -o 'http://[^ ]*' "$work/out" | head -1)"
[[ -n "$address" ]] || { echo "serve.sh: the server printed no address: $(cat "$work/err")" >&2; exit 0; }
id="$(basename "$playbook" .playbook)"
report() {
python3 - "$1" "$work/sessions" "$2" "$sessions" <<'PY'
import json, os, statistics, sys
load = json.load(open(sys.argv[1]))
folder, memory_kb, wanted = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
latencies = sorted(load["latencies"])
errors = [r for r in load["results"] if "error" in r]
lost = 0
for result in load["results"]:
    if "session" not in result:
        continue
    path = os.path.join(folder, result["session"] + ".jsonl")
    answered = sum(1 for line in open(path, encoding="utf-8") if json.loads(line)["event"] == "answer")
    if answered < result["acknowledged"]:
        lost += result["acknowledged"] - answered
def at(q):
    return latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("nan")
ended = sum(1 for r in load["results"] if r.get("ended"))
print(f"sessions: {len(load['results'])} of {wanted}, {ended} walked to their end, {len(errors)} errors")
print(f"answers: {len(latencies)} in {load['seconds']:.1f} s ({len(latencies) / load['seconds']:.0f}/s)")
print(f"POST to next page: median {statistics.median(latencies):.2f} ms, p99 {at(0.99):.2f} ms, max {latencies[-1]:.2f} ms")
print(f"server memory (max RSS): {memory_kb / 1024:.1f} MB")
print(f"answers lost: {lost}")
missed = []
if at(0.99) > 20: missed.append("p99 over 20 ms")
if memory_kb > 60 * 1024: missed.append("memory over 60 MB")
if lost or errors: missed.append("answers lost or refused")
print("budget: " + ("met" if not missed else "missed: " + ", ".join(missed)))
PY
}
for pause in "$think" 0; do
    echo "== $sessions reps at once, each answer after ${pause} s on average"
    timeout $((seconds + 30)) python3 "$root/bench/serve_load.py" "$address" "$id" "$sessions" --seconds "$seconds" --think "$pause" > "$work/load-$pause.json"
    report "$work/load-$pause.json" "$(awk '/VmHWM/ { print $2 }' "/proc/$server/status")"
done
kill -INT "$server"
wait "$server" || true
