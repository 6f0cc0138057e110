#!/usr/bin/env bash
# schemathesis (PyPI) against a running `psyreg serve` on the shipped rules: every operation
# of /openapi.json, every check (no server error, status codes, content types, headers and
# bodies conforming to the document, malformed input refused).
#   bash scripts/schemathesis.sh            # MAX_EXAMPLES=100 per operation by default
set -euo pipefail
cd "$(dirname "$0")/.."
command -v schemathesis >/dev/null || python3 -m pip install --quiet schemathesis
PORT=${PORT:-18181}
. scripts/serve-start.sh
schemathesis run "$BASE/openapi.json" --url "$BASE" --checks all \
  --max-examples "${MAX_EXAMPLES:-100}" --workers 2 --seed "${SEED:-1}" "$@"
