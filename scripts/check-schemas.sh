#!/usr/bin/env bash
# Validates every shipped rule file and every JSON output of psyreg against the schemas in
# schemas/ with check-jsonschema (from PyPI; installed here when it is missing).
# Usage: scripts/check-schemas.sh [PSYREG_BINARY]   (default: swift build's debug binary)
set -euo pipefail
cd "$(dirname "$0")/.."
psyreg="${1:-.build/debug/psyreg}"
[ -x "$psyreg" ] || swift build --product psyreg

# Run as a module, so that it works wherever pip put the script (pyenv, ~/.local/bin, a venv).
if ! python3 -c 'import check_jsonschema' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check check-jsonschema >&2 \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages check-jsonschema >&2
fi
check() { python3 -m check_jsonschema --schemafile "schemas/$1" "${@:2}"; }

check rule-substance.schema.json Rules/substances/*.yaml
check rule-jurisdiction.schema.json Rules/jurisdictions/*.yaml
check rule-tests.schema.json Rules/tests/*.yaml

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
on=(--on 2024-06-01)
"$psyreg" ask psilocybin us-or --activity supervised-use "${on[@]}" --format json >"$out/ask-one.json"
"$psyreg" ask mdma au "${on[@]}" --format json >"$out/ask-all.json"
"$psyreg" timeline psilocybin --jurisdiction us-or --format json >"$out/timeline.json"
for what in substances jurisdictions coverage sources; do
  "$psyreg" list "$what" "${on[@]}" --format json >"$out/list-$what.json"
done
"$psyreg" validate Rules --format json >"$out/validate.json" || true
# A diff with changes: the shipped rules against a copy with one verdict changed.
cp -R Rules "$out/rules-new"
sed -i.orig '0,/possession: prohibited/s//possession: decriminalized/' "$out/rules-new/jurisdictions/us-or.yaml"
rm -f "$out/rules-new/jurisdictions/us-or.yaml.orig"
"$psyreg" diff Rules "$out/rules-new" --format json >"$out/diff.json"
"$psyreg" diff Rules Rules --format json >"$out/diff-none.json"
rm -rf "$out/rules-new"
"$psyreg" report us-or "${on[@]}" --format json >"$out/report-us-or.json"
"$psyreg" report --matrix --activity medical "${on[@]}" --format json >"$out/matrix.json"
"$psyreg" report --all --format json --output "$out/all" "${on[@]}" 2>/dev/null

check ask.schema.json "$out"/ask-*.json
check timeline.schema.json "$out/timeline.json"
check list.schema.json "$out"/list-*.json
check validate.schema.json "$out/validate.json"
check diff.schema.json "$out"/diff*.json
check report.schema.json "$out/report-us-or.json" "$out/matrix.json" "$out"/all/*.json
echo "schemas: every rule file and every JSON output is valid"
