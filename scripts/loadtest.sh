#!/usr/bin/env bash
# Load test of `psyreg serve` with wrk (Debian's wrk) on loopback: /v1/ask over a mix of
# questions (scripts/loadtest/ask.lua), then the same while the rules are reloaded every
# second, every response checked (its X-Psyreg-Rule-Set names the rule set its answer comes
# from). A benchmark, not a test: the figures go in docs/performance.md ("Serving").
#   bash scripts/loadtest.sh        # DURATION=20s CONNECTIONS=32 THREADS=1
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
WORK=$(mktemp -d)
cp -r Rules "$WORK/Rules"
UN="$WORK/Rules/jurisdictions/un.yaml"
cp "$UN" "$WORK/un-a.yaml"
sed 's/^name: United Nations drug control conventions$/name: United Nations drug control conventions (B)/' "$UN" >"$WORK/un-b.yaml"
cmp -s "$WORK/un-a.yaml" "$WORK/un-b.yaml" && { echo "could not make rule set B" >&2; exit 1; }
RULES="$WORK/Rules" PORT=${PORT:-18182}
. scripts/serve-start.sh
hash() { curl -fsS "$BASE/v1/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["rule_set"]["sha256"])'; }
generation() { curl -fsS "$BASE/v1/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["rule_set"]["generation"])'; }

echo "== warm-up"
wrk -t1 -c8 -d3s -s scripts/loadtest/ask.lua "$BASE" >/dev/null
echo "== /v1/ask, mixed questions, steady rules: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s scripts/loadtest/ask.lua "$BASE"

HASH_A=$(hash)
swap() { cp "$1" "$WORK/un.tmp" && mv "$WORK/un.tmp" "$UN"; }
swap "$WORK/un-b.yaml"
for _ in $(seq 1 50); do [ "$(hash)" != "$HASH_A" ] && break; sleep 0.2; done
HASH_B=$(hash)
[ "$HASH_A" != "$HASH_B" ] || { echo "rule set B was not loaded" >&2; exit 1; }
echo "== rule set A $HASH_A"
echo "== rule set B $HASH_B"
swap "$WORK/un-a.yaml"
(
  i=0
  end=$((SECONDS + ${DURATION%s} + 2))
  while [ $SECONDS -lt $end ]; do
    sleep 1
    if [ $((i % 2)) -eq 0 ]; then swap "$WORK/un-b.yaml"; else swap "$WORK/un-a.yaml"; fi
    i=$((i + 1))
  done
) &
FLIPPER=$!
G0=$(generation)
echo "== the same while the rules are reloaded every second, every response checked"
HASH_A=$HASH_A HASH_B=$HASH_B wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s scripts/loadtest/ask.lua "$BASE"
wait "$FLIPPER"
G1=$(generation)
echo "== rule sets swapped in during the run: $((G1 - G0))"
curl -fsS "$BASE/v1/status" | python3 -c 'import json,sys; s=json.load(sys.stdin); print("status ok:", s["ok"], "reloads:", s["reloads"], "rejected:", s["rejected"])'
rm -rf "$WORK"
