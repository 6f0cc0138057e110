#!/usr/bin/env bash
# A short libFuzzer run of each fuzz target (docs/hardening.md), for CI: .ci/run calls it when
# PSYREG_FUZZ_CI=1. Not part of every CI run because the sanitized release build of the engine
# takes minutes (4.5 to 9.5 from clean on two shared, busy cores) on top of the normal build.
#
#   PSYREG_FUZZ_CI_SECONDS   seconds per target (default 60)
#   PSYREG_FUZZ_DIR          where corpora, crash inputs and logs go (default .build/fuzz-runs;
#                            cache it between CI runs to keep the corpus growing)
#   PSYREG_FUZZ_STRICT=1     also fail on control characters and forged workflow commands in output
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${PSYREG_FUZZ_CI_SECONDS:-60}
status=0
for target in FuzzLoad FuzzAnswer; do
  bash scripts/fuzz.sh "$target" "$seconds" || status=1
done
exit $status
