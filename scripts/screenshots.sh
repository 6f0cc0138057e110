#!/usr/bin/env bash
# Screenshots of the pages in headless Chromium (Debian's chromium) at 1280 and 390 px wide:
# the search page, an answer and the map, saved under docs/screenshots/ (and the whole map,
# coloured by each place's own law, 1280 × 2000).
#   bash scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { echo "chromium is missing: apt-get install chromium" >&2; exit 1; }
CONFIG=${CONFIG:-debug}
PORT=${PORT:-18183}
. scripts/serve-start.sh
OUT=docs/screenshots
mkdir -p "$OUT"
shot() { # name url width height
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --screenshot="$OUT/$1-$3.png" --window-size="$3,$4" "$2" >/dev/null 2>&1
  echo "$OUT/$1-$3.png"
}
for size in "1280 900" "390 844"; do
  set -- $size
  shot search "$BASE/" "$1" "$2"
  shot answer "$BASE/answer?substance=psilocybin&jurisdiction=Oregon&activity=supervised-use&on=2024-06-01" "$1" "$2"
  shot map "$BASE/map?substance=psilocybin&activity=supervised-use&on=2024-06-01" "$1" "$2"
done
shot map-own-law "$BASE/map?substance=mdma&activity=medical&on=2024-06-01&view=own" 1280 2000
