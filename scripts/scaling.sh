#!/usr/bin/env bash
# How psyreg's cost grows with the rule set: generates rule sets of 3 sizes along two axes
# (timeline entries at a fixed number of jurisdictions; jurisdictions at a fixed number of
# entries each) with psyreg-gen, and measures the release binary's wall time, CPU time and
# peak RSS for validate, test, report --all, diff and load+compile (ask one question).
#
#   bash scripts/scaling.sh                 # builds the release binaries, runs everything
#   RUNS=5 OUT=/tmp/scaling bash scripts/scaling.sh
#   AXES=entries bash scripts/scaling.sh    # one axis only (entries | jurisdictions)
#   SKIP_BUILD=1 bash scripts/scaling.sh    # use the binaries already in .build/release
#   PSYREG_BIN=/tmp/psyreg SKIP_BUILD=1 …   # measure that binary
#
# Times are the median of RUNS runs (hyperfine when it is installed, else /usr/bin/time), or
# one run for a command that takes LONG (15) seconds or more; peak RSS and CPU (user) time are
# from one /usr/bin/time run. The table gives, per size step, the time ratio next
# to the size ratio: a step whose time grows more than 1.5× faster than the size is flagged
# NON-LINEAR. docs/performance.md has the figures and what callgrind says about the flagged ones.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
LONG=${LONG:-15}
OUT=${OUT:-/tmp/psyreg-scaling}
AXES=${AXES:-"entries jurisdictions"}
BIN=.build/release
DATE=2024-06-01

if [[ -z "${SKIP_BUILD:-}" ]]; then
  swift build -c release --product psyreg >&2
  swift build -c release --product psyreg-gen >&2
fi
PSYREG=${PSYREG_BIN:-$PWD/$BIN/psyreg}   # PSYREG_BIN: a copy, so that rebuilding does not change it mid-run
GEN=$PWD/$BIN/psyreg-gen
[[ -x /usr/bin/time ]] || { echo "scaling.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
HYPERFINE=$(command -v hyperfine || true)

mkdir -p "$OUT"
RESULTS=$OUT/results.tsv
# load+compile measures the whole load, so the ask cache is off; the row "ask (cached)" turns
# it on, with a cache folder of its own, to measure a cold ask on unchanged rules.
export PSYREG_CACHE=off
CACHE=$OUT/cache
: >"$RESULTS"

# The sizes: name, jurisdictions, entries.
sizes() {
  case $1 in
    entries) printf '%s\n' "e1k 100 1000" "e10k 100 10000" "e100k 100 100000" ;;
    jurisdictions) printf '%s\n' "j100 100 2000" "j1000 1000 20000" "j5000 5000 100000" ;;
  esac
}

# measure AXIS SIZE BYTES LABEL -- COMMAND...: appends "axis size bytes label wall_s cpu_s rss_kib".
# One /usr/bin/time run gives peak RSS and CPU time; when it took under $LONG seconds, the wall
# time is the median of $RUNS more runs (hyperfine's, else /usr/bin/time's), else that one run.
measure() {
  local axis=$1 size=$2 bytes=$3 label=$4
  shift 5
  local line wall user sys rss
  line=$( (/usr/bin/time -f 'TIME %e %U %S %M' "$@" >/dev/null) 2>&1 | grep '^TIME' | tail -1)
  read -r _ wall user sys rss <<<"$line"
  local cpu
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  if awk -v w="$wall" -v l="$LONG" 'BEGIN { exit !(w < l) }'; then
    if [[ -n $HYPERFINE ]]; then
      "$HYPERFINE" --runs "$RUNS" --warmup 0 --style none --export-json "$OUT/hf.json" \
        -- "$(printf '%q ' "$@")" >/dev/null 2>&1
      wall=$(python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$OUT/hf.json")
    else
      local walls=() w
      for ((i = 0; i < RUNS; i++)); do
        line=$( (/usr/bin/time -f 'TIME %e %U %S %M' "$@" >/dev/null) 2>&1 | grep '^TIME' | tail -1)
        read -r _ w _ _ _ <<<"$line"
        walls+=("$w")
      done
      wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    fi
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$axis" "$size" "$bytes" "$label" "$wall" "$cpu" "$rss" | tee -a "$RESULTS" >&2
}

for axis in $AXES; do
  while read -r name jurisdictions entries; do
    old=$OUT/$name/old new=$OUT/$name/new reports=$OUT/$name/reports
    if [[ ! -d $old ]]; then
      "$GEN" --jurisdictions "$jurisdictions" --entries "$entries" "$old" >&2
      "$GEN" --jurisdictions "$jurisdictions" --entries "$entries" --edits 5 --cases 0 "$new" >&2
    fi
    bytes=$(find "$old/substances" "$old/jurisdictions" -name '*.yaml' -print0 | xargs -0 cat | wc -c)
    # sed reads all of ls's output: `head` would close the pipe early, and with pipefail a
    # SIGPIPE'd ls ends the script at the larger sizes.
    j=$(ls "$old/jurisdictions" | sed -n 1p); j=${j%.yaml}
    measure "$axis" "$name" "$bytes" validate -- "$PSYREG" validate "$old" --strict
    measure "$axis" "$name" "$bytes" test -- "$PSYREG" test --rules "$old"
    measure "$axis" "$name" "$bytes" load+compile -- "$PSYREG" ask sub-1 "$j" --rules "$old" --on $DATE
    # The first run stores the outline once the files are older than the cache's 2 s.
    sleep 2
    cached=(env PSYREG_CACHE=on XDG_CACHE_HOME="$CACHE" "$PSYREG" ask sub-1 "$j" --rules "$old" --on $DATE)
    "${cached[@]}" >/dev/null
    measure "$axis" "$name" "$bytes" "ask (cached)" -- "${cached[@]}"
    rm -rf "$reports"
    measure "$axis" "$name" "$bytes" "report --all" -- \
      bash -c 'rm -rf "$1"; exec "$2" report --all --output "$1" --rules "$3" --on "$4"' _ "$reports" "$PSYREG" "$old" $DATE
    measure "$axis" "$name" "$bytes" diff -- "$PSYREG" diff "$old" "$new"
  done < <(sizes "$axis")
done

# The table: per axis and command, each size with its time, RSS, RSS per rule byte, and the
# ratio to the size before next to the size ratio.
python3 - "$RESULTS" <<'EOF'
import sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
series = collections.OrderedDict()
for axis, size, nbytes, label, wall, cpu, rss in rows:
    series.setdefault((axis, label), []).append((size, int(nbytes), float(wall), float(cpu), int(rss)))
scale = {"e1k": 1000, "e10k": 10000, "e100k": 100000, "j100": 100, "j1000": 1000, "j5000": 5000}
# Ratios are of CPU time (user + system): on a shared machine it moves far less than wall time.
print(f"{'axis':<13} {'command':<13} {'size':<6} {'MB':>6} {'wall s':>8} {'cpu s':>8} {'RSS MiB':>8} {'RSS/bytes':>9} {'cpu ×':>7} {'size ×':>6}  flag")
for (axis, label), points in series.items():
    prev = None
    for size, nbytes, wall, cpu, rss in points:
        ratio = size_ratio = flag = ""
        if prev:
            t = cpu / prev[2] if prev[2] > 0 else float("inf")
            s = scale[size] / scale[prev[0]]
            ratio, size_ratio = f"{t:.1f}", f"{s:.0f}"
            if t > 1.5 * s and cpu > 0.5:
                flag = "NON-LINEAR"
        print(f"{axis:<13} {label:<13} {size:<6} {nbytes/1e6:>6.1f} {wall:>8.2f} {cpu:>8.2f} {rss/1024:>8.0f} {rss*1024/nbytes:>9.2f} {ratio:>7} {size_ratio:>6}  {flag}")
        prev = (size, nbytes, cpu)
EOF
