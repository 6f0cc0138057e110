#!/usr/bin/env bash
# Shared by the serving scripts: builds psyreg (release unless CONFIG=debug), starts
# `psyreg serve` on $PORT over $RULES in the background, waits until it answers, and stops
# it when the calling script exits (SKIP_BUILD=1: use the binary as built). Source it:
# `. scripts/serve-start.sh`.
CONFIG=${CONFIG:-release}
PORT=${PORT:-18180}
RULES=${RULES:-Rules}
LOG_LEVEL=${LOG_LEVEL:-warning}
[ -n "${SKIP_BUILD:-}" ] || swift build -c "$CONFIG" --product psyreg >&2
BIN=$(swift build -c "$CONFIG" --show-bin-path)/psyreg
"$BIN" serve --rules "$RULES" --port "$PORT" --log-level "$LOG_LEVEL" 2>"${SERVE_LOG:-/dev/null}" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
  if curl -fsS "$BASE/v1/status" >/dev/null 2>&1; then break; fi
  sleep 0.2
done
curl -fsS "$BASE/v1/status" >/dev/null
