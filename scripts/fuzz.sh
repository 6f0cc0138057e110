#!/usr/bin/env bash
# Builds a libFuzzer target (Fuzz/, docs/hardening.md) and runs it for SECONDS, seeded with the
# shipped rules (and Tests/Hostile/ when present); prints the executions, the coverage and any
# crash file; exits non-zero when libFuzzer found a crash, a timeout or a memory blow-up.
#
#   scripts/fuzz.sh FuzzLoad 600
#   scripts/fuzz.sh FuzzAnswer 600 -max_len=65536      # more libFuzzer flags after SECONDS
#   scripts/fuzz.sh FuzzLoad repro CRASH_FILE           # run one input again, with its stack
#
# Environment: PSYREG_FUZZ_HOSTILE (the hostile corpus, default Tests/Hostile), PSYREG_FUZZ_DIR (default .build/fuzz-runs; per target: corpus/, seeds/,
# artifacts/, log), PSYREG_FUZZ_STRICT=1 (also fail on control characters in terminal,
# Markdown and JSON output and on forged workflow commands), PSYREG_FUZZ_NO_BUILD=1 (use the
# binary already built).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: scripts/fuzz.sh FuzzLoad|FuzzAnswer SECONDS [libFuzzer flags...]" >&2
  echo "       scripts/fuzz.sh FuzzLoad|FuzzAnswer repro FILE..." >&2
  exit 64
}
[ $# -ge 2 ] || usage
target=$1
mode=$2
shift 2
case $target in FuzzLoad | FuzzAnswer) ;; *) usage ;; esac
if [ "$mode" != repro ] && ! [[ $mode =~ ^[0-9]+$ ]]; then usage; fi

scratch=.build/fuzz
binary=$scratch/release/$target
if [ "${PSYREG_FUZZ_NO_BUILD:-}" != 1 ] || [ ! -x "$binary" ]; then
  # SwiftPM renames an executable's `main`, so libFuzzer's own `main` cannot be linked: the
  # targets link libFuzzer's driver and call it from Swift (Fuzz/FuzzDriver). ld.gold fails
  # on the instrumented objects (an internal error), so they link with lld.
  PSYREG_FUZZ=1 swift build -c release --scratch-path "$scratch" --product "$target" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xcc -fsanitize=fuzzer-no-link
fi

# The Swift runtime's backtracer hangs a process that ASan and libFuzzer watch; ASan reports.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1:handle_abort=1}
export PSYREG_FUZZ_RULES=${PSYREG_FUZZ_RULES:-Rules}

if [ "$mode" = repro ]; then
  [ $# -ge 1 ] || usage
  exec "$binary" -rss_limit_mb=2048 -timeout=10 -detect_leaks=0 "$@"
fi
seconds=$mode

work=${PSYREG_FUZZ_DIR:-.build/fuzz-runs}/$target
corpus=$work/corpus      # what libFuzzer keeps, across runs
seeds=$work/seeds        # made afresh each run
artifacts=$work/artifacts
log=$work/log
mkdir -p "$corpus" "$artifacts"
rm -rf "$seeds" "$work/tmp"
mkdir -p "$seeds" "$work/tmp"
# FuzzLoad writes inputs that are not UTF-8 to a folder per process under $TMPDIR.
export TMPDIR=$work/tmp

# Seeds from the hostile corpus (Tests/Hostile/CASE/Rules/..., docs/hardening.md): its rule
# files up to 1 MB (larger ones are made by the cases' setup.sh and are not seeds).
hostile_dir=${PSYREG_FUZZ_HOSTILE:-Tests/Hostile}
hostile=0
if [ -d "$hostile_dir" ]; then
  for case_dir in "$hostile_dir"/*/; do
    [ -d "$case_dir/Rules" ] || continue
    name=$(basename "$case_dir")
    count=0
    while IFS= read -r -d '' f; do
      f=${f#./}
      count=$((count + 1))
      [ "$count" -le 8 ] || break
      if [ "$target" = FuzzLoad ]; then
        cp "$case_dir/Rules/$f" "$seeds/hostile-$name-$count.yaml"
      else
        { echo "#@ $f"; cat "$case_dir/Rules/$f"; } >> "$seeds/hostile-$name.yaml"
      fi
    done < <(cd "$case_dir/Rules" && find . -type f \( -name '*.yaml' -o -name '*.yml' \) -size -1025k -print0 | sort -z)
    [ "$count" -gt 0 ] || continue
    hostile=$((hostile + 1))
  done
fi

# Seeds from the findings saved so far, so that every run tries them again.
if [ -d "Fuzz/crashes/$target" ]; then
  find "Fuzz/crashes/$target" -type f -exec cp {} "$seeds/" \;
fi

parent_of() { sed -n 's/^parent:[[:space:]]*\([A-Za-z0-9_-]*\).*/\1/p' "Rules/jurisdictions/$1.yaml" 2>/dev/null | head -1; }

if [ "$target" = FuzzLoad ]; then
  # Every shipped rule file, as it is.
  find Rules -type f \( -name '*.yaml' -o -name '*.yml' \) | sort | while IFS= read -r file; do
    cp "$file" "$seeds/$(echo "${file#Rules/}" | tr / _)"
  done
else
  # FuzzAnswer reads `#@ PATH` sections over the shipped substances: one seed per substance
  # file, and one per jurisdiction with its parents (which it needs to compile).
  for file in Rules/substances/*.yaml; do
    { echo "#@ substances/$(basename "$file")"; cat "$file"; } > "$seeds/substance-$(basename "$file")"
  done
  for file in Rules/jurisdictions/*.yaml; do
    id=$(basename "$file" .yaml)
    chain=$id
    p=$(parent_of "$id")
    while [ -n "$p" ] && [ -f "Rules/jurisdictions/$p.yaml" ] && [ "$(echo "$chain" | wc -w)" -lt 8 ]; do
      chain="$p $chain"
      p=$(parent_of "$p")
    done
    out=$seeds/jurisdiction-$id.yaml
    : > "$out"
    for j in $chain; do { echo "#@ jurisdictions/$j.yaml"; cat "Rules/jurisdictions/$j.yaml"; } >> "$out"; done
  done
  # The expectation tests that name at most two jurisdictions, with those and their parents.
  for file in Rules/tests/*.yaml; do
    ids=$(sed -n 's/^[[:space:]-]*jurisdiction:[[:space:]]*\([A-Za-z0-9_-]*\).*/\1/p' "$file" | sort -u)
    [ "$(echo "$ids" | wc -w)" -le 2 ] || continue
    chain=""
    for id in $ids; do
      while [ -n "$id" ] && [ -f "Rules/jurisdictions/$id.yaml" ]; do
        case " $chain " in *" $id "*) break ;; esac
        chain="$id $chain"
        id=$(parent_of "$id")
      done
    done
    [ "$(echo "$chain" | wc -w)" -le 7 ] || continue
    out=$seeds/tests-$(basename "$file")
    : > "$out"
    for j in $chain; do { echo "#@ jurisdictions/$j.yaml"; cat "Rules/jurisdictions/$j.yaml"; } >> "$out"; done
    { echo "#@ tests/$(basename "$file")"; cat "$file"; } >> "$out"
  done
fi
echo "fuzz.sh: $target for ${seconds}s: $(find "$seeds" -type f | wc -l) seeds ($hostile cases of $hostile_dir), $(find "$corpus" -type f | wc -l) inputs in $corpus" >&2

find "$artifacts" -type f | sort > "$work/artifacts.before"
status=0
timeout --signal=INT --kill-after=60 $((seconds + 300)) \
  "$binary" "$corpus" "$seeds" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
  -max_len="${PSYREG_FUZZ_MAX_LEN:-65536}" -detect_leaks=0 -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" \
  > "$log" 2>&1 || status=$?

# libFuzzer's last status line (`#N DONE cov: C ft: F corp: …`; with -fork, `#N: cov: …`)
# and its final statistics.
last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
execs=$(sed -n 's/^stat::number_of_executed_units:[[:space:]]*//p' "$log" | tail -1)
[ -n "$execs" ] || execs=$(echo "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
rate=$(sed -n 's/^stat::average_exec_per_sec:[[:space:]]*//p' "$log" | tail -1)
# With -fork the status line's exec/s is the last job's; the average is executions / time.
elapsed=$(echo "$last" | sed -n 's/.* time: \([0-9]*\)s.*/\1/p')
if [ -z "$rate" ] && [ -n "$elapsed" ] && [ "$elapsed" -gt 0 ] && [ -n "$execs" ]; then rate=$((execs / elapsed)); fi
cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*[^ ]*\).*/\1/p')
echo "fuzz.sh: $target: executions ${execs:-?} (${rate:-?}/s), cov: ${cov:-?} ft: ${ft:-?} corpus: ${corp:-?}; log: $log"
new_artifacts=$(find "$artifacts" -type f | sort | comm -13 "$work/artifacts.before" - || true)
if [ -n "$new_artifacts" ]; then
  grep -E '^==[0-9]+==|ERROR: libFuzzer|SUMMARY|psyreg fuzz oracle|Fatal error|^CRASH|^TIMEOUT|^OOM' "$log" | head -20
  echo "fuzz.sh: $target: crash inputs:"
  echo "$new_artifacts" | sed 's/^/  /'
  echo "fuzz.sh: reproduce one: scripts/fuzz.sh $target repro FILE"
  exit 1
fi
if [ "$status" -ne 0 ]; then
  tail -20 "$log"
  echo "fuzz.sh: $target: libFuzzer exited with status $status"
  exit 1
fi
