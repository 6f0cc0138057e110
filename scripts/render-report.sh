#!/usr/bin/env bash
# Renders an HTML report to PNG screenshots with headless Chromium, at desktop and phone
# width, to check how a report looks (docs/reports.md). The PNGs are for looking at; do not
# commit them.
#
#   scripts/render-report.sh REPORT.html [OUT_PREFIX]      # writes OUT_PREFIX-desktop.png, -phone.png
#   scripts/render-report.sh --build us-or [OUT_PREFIX]    # builds the report of a jurisdiction first
#
# Environment: PSYREG (the psyreg binary, default: swift run psyreg), ON (the report date),
# DESKTOP (default 1200,2000), PHONE (default 390,2400), CHROMIUM (default: chromium).
# Needs Debian's chromium: apt-get install -y chromium
set -euo pipefail
here="$(pwd)"
abs() { case "$1" in /*) echo "$1" ;; *) echo "$here/$1" ;; esac; }
cd "$(dirname "$0")/.."

chromium_bin="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
if [ -z "$chromium_bin" ]; then
  echo "render-report.sh: chromium not found (apt-get install -y chromium)" >&2
  exit 1
fi

if [ "${1:-}" = "--build" ]; then
  jurisdiction="${2:?usage: render-report.sh --build JURISDICTION [OUT_PREFIX]}"
  prefix="$(abs "${3:-/tmp/psyreg-report-$jurisdiction}")"
  html="$prefix.html"
  read -r -a psyreg <<<"${PSYREG:-swift run -q psyreg}"
  "${psyreg[@]}" report "$jurisdiction" --format html ${ON:+--on "$ON"} --output "$html"
else
  html="$(abs "${1:?usage: render-report.sh REPORT.html [OUT_PREFIX]}")"
  prefix="$(abs "${2:-${html%.html}}")"
fi

shoot() { # name width,height
  "$chromium_bin" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-extensions --force-device-scale-factor=1 \
    --window-size="$2" --screenshot="$prefix-$1.png" "file://$html" >/dev/null 2>&1
  echo "$prefix-$1.png"
}

shoot desktop "${DESKTOP:-1200,2000}"
shoot phone "${PHONE:-390,2400}"
