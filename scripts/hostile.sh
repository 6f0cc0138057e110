#!/usr/bin/env bash
# Runs the hostile-input corpus (Tests/Hostile/, described in docs/hardening.md) against a
# built psyreg and checks what every case expects, plus the bounds that hold for all:
#   - the exit status is the case's, and always 0, 1 or 64;
#   - under 2 s of wall time (`timeout`; a case failing on time alone gets a second run), and a
#     peak resident set under 200 MiB
#     (`/usr/bin/time`'s maximum RSS; `prlimit --as` only as a backstop, see below);
#   - the rules folder (and any path the case protects) is byte-for-byte what it was:
#     a SHA-256 digest over every entry's type, name, mode, mtime, link target and content;
#   - no raw control characters (C0 except tab and newline, DEL, C1) and only UTF-8 in what
#     psyreg prints, and no line a GitHub runner would take for a workflow command
#     (`::…` or `##[…]`) other than the annotations psyreg itself writes in github format.
#
# Usage: scripts/hostile.sh [BINARY] [CASE-NAME-SUBSTRING ...]
#   BINARY defaults to .build/release/psyreg, else .build/debug/psyreg.
#   HOSTILE_KEEP=1 keeps every case's scratch folder (path printed); HOSTILE_VERBOSE=1 prints
#   the output of failing cases. HOSTILE_TIME (seconds, default 2), HOSTILE_RSS_MB (default 200)
#   and HOSTILE_AS_MB (address-space backstop, default 1024 + 128 per core) override the bounds.
# Exit status: 0 when every case passes, 1 when one fails, 2 when the harness cannot run.
set -uo pipefail
export LC_ALL=C

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$root/Tests/Hostile

bin=
if [[ $# -gt 0 && ( -x $1 && ! -d $1 ) ]]; then bin=$1; shift; fi
if [[ -z $bin ]]; then
  for b in "$root/.build/release/psyreg" "$root/.build/debug/psyreg"; do
    [[ -x $b ]] && { bin=$b; break; }
  done
fi
[[ -n $bin && -x $bin ]] || { echo "hostile.sh: no psyreg binary (build first, or pass its path)" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
filters=("$@")

for tool in timeout prlimit sha256sum /usr/bin/time git; do
  command -v "$tool" >/dev/null || { echo "hostile.sh: needs $tool" >&2; exit 2; }
done

time_limit=${HOSTILE_TIME:-2}
rss_limit_kb=$(( ${HOSTILE_RSS_MB:-200} * 1024 ))
# The bound the issue means is memory used, i.e. the peak resident set. Linux does not enforce
# RLIMIT_RSS (`prlimit --rss` is a no-op), and RLIMIT_AS counts reserved address space: a
# trivial `psyreg validate` already peaks at ~210 MB of virtual size on 2 cores (8 MiB stack and
# a 64 MiB malloc arena reserved per worker thread) while using ~25 MB, and the reservation grows
# with the core count. So the RSS is measured (wait4's ru_maxrss, via /usr/bin/time) and
# checked after the run; `prlimit --as` is only a backstop that stops a runaway read (a link to
# /dev/zero) long before it can hurt a shared machine, scaled with the cores so that it never
# bites a well-behaved run.
as_limit_mb=${HOSTILE_AS_MB:-$(( 1024 + 128 * $(nproc) ))}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/psyreg-hostile.XXXXXX")
[[ ${HOSTILE_KEEP:-0} == 1 ]] || trap 'chmod -R u+rwX "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT

export GIT_AUTHOR_NAME=hostile GIT_AUTHOR_EMAIL=hostile@example.invalid
export GIT_COMMITTER_NAME=hostile GIT_COMMITTER_EMAIL=hostile@example.invalid
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
unset PSYREG_RULES
# The ask cache goes to the scratch folder, not the user's (AskCache; docs/performance.md).
export XDG_CACHE_HOME=$scratch/cache

# digest PATH...: one SHA-256 over the listing (type, mode, mtime, name, link target) and the
# content of every regular file, links not followed; FIFOs and devices are never opened.
digest() {
  local p
  for p in "$@"; do
    if [[ ! -e $p && ! -L $p ]]; then echo "absent $p"; continue; fi
    find -P "$p" -printf '%y %m %T@ %p -> %l\n' | sort
    find -P "$p" -type f -print0 | sort -z | xargs -0r sha256sum
  done | sha256sum | cut -c1-64
}

# Raw control characters: C0 except \t and \n, DEL, and C1 (U+0080–U+009F as UTF-8).
has_control() { LC_ALL=C grep -qaP '[\x00-\x08\x0B-\x1F\x7F]|\xC2[\x80-\x9F]' "$1"; }
is_utf8() { iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; }
# Lines a GitHub runner would read as workflow commands: it splits on \r as well as \n, and
# trims leading white space. In github format psyreg's own annotations are allowed: a command
# `error`, `warning` or `notice` whose properties are `file=` a path in the case's folder,
# `line=`, `col=`, `title=` only, with `,` `:` `%` `\r` `\n` escaped.
forged_lines() { # FILE ALLOW-ANNOTATIONS(0|1)
  tr '\r' '\n' <"$1" | LC_ALL=C grep -aE '^[[:space:]]*(::|##\[)' | while IFS= read -r l; do
    if [[ $2 == 1 && $l =~ ^::(error|warning|notice)\ file=([^,:]*)(,line=[0-9]+)?(,col=[0-9]+)?(,endLine=[0-9]+)?(,endColumn=[0-9]+)?(,title=[^,:]*)?::(.*)$ ]]; then
      local f=${BASH_REMATCH[2]}
      f=${f//%2C/,}; f=${f//%3A/:}; f=${f//%0A/$'\n'}; f=${f//%0D/$'\r'}; f=${f//%25/%}
      [[ -e $f || -L $f ]] && continue
    fi
    printf '%s\n' "$l"
  done
}
# Markdown tables: every line after a table line, up to a blank line, must be a table line
# (a raw newline in a cell ends the table and spills the rest of the row into the page).
broken_table() {
  tr -d '\r' <"$1" | awk 'BEGIN{t=0; bad=0} /^\|/{t=1; next} /^[[:space:]]*$/{t=0; next} { if (t) { bad=1; print NR": "$0; exit } }'
}

# One run of the current case: lays out the scratch folder, runs psyreg, sets rc, secs, cpu,
# rss_kb and problems.
run_case() {
  work=$scratch/$name/work meta=$scratch/$name/meta
  mkdir -p "$work" "$meta"
  [[ $base == none ]] || cp -a "$corpus/$base/." "$work/"
  (cd "$dir" && tar cf - --exclude=./case --exclude=./setup.sh .) | (cd "$work" && tar xf -)
  if [[ -f $dir/setup.sh ]]; then
    if ! (cd "$work" && HOSTILE_CASE=$dir bash "$dir/setup.sh") >"$meta/setup.log" 2>&1; then
      echo "hostile.sh: $name: setup.sh failed:" >&2; cat "$meta/setup.log" >&2; exit 2
    fi
  fi

  before=$(cd "$work" && digest "${protect[@]}")
  out_file=$meta/stdout
  [[ -n $stdout_to ]] && out_file=$stdout_to
  (
    cd "$work" || exit 2
    eval "set -- $run"
    if [[ $stdout_to == closed ]]; then
      # Closed for psyreg only (time, timeout and prlimit would reuse descriptor 1).
      exec /usr/bin/time -f '%e %M %U %S' -o "$meta/time" timeout -k 1 "$time_limit" \
        prlimit --as=$(( as_limit_mb * 1024 * 1024 )) bash -c 'exec >&-; exec "$0" "$@"' "$bin" "$@" \
        <"$stdin_from" >/dev/null 2>"$meta/stderr"
    fi
    exec /usr/bin/time -f '%e %M %U %S' -o "$meta/time" timeout -k 1 "$time_limit" \
      prlimit --as=$(( as_limit_mb * 1024 * 1024 )) "$bin" "$@" <"$stdin_from" >"$out_file" 2>"$meta/stderr"
  )
  rc=$?
  [[ -f $meta/stdout ]] || : >"$meta/stdout"
  read -r secs rss_kb usr sys < <(tail -n 1 "$meta/time" 2>/dev/null || echo "? 0 0 0")
  [[ $secs =~ ^[0-9.]+$ ]] || secs=$time_limit
  [[ $rss_kb =~ ^[0-9]+$ ]] || rss_kb=0
  cpu=$(awk -v u="${usr:-0}" -v s="${sys:-0}" 'BEGIN{printf "%.2f", u+s}')
  after=$(cd "$work" && digest "${protect[@]}")

  problems=()
  # time
  if [[ $rc == 124 || $rc == 137 ]] || awk -v s="$secs" -v l="$time_limit" 'BEGIN{exit !(s+0 >= l+0)}'; then
    problems+=("time: over ${time_limit}s of wall time (killed; ${cpu}s of CPU by then)")
  fi
  # memory
  (( rss_kb > rss_limit_kb )) && problems+=("memory: peak RSS $((rss_kb / 1024)) MiB > $((rss_limit_kb / 1024)) MiB")
  # exit status
  if [[ $rc != 124 && $rc != 137 ]]; then
    if [[ $rc != 0 && $rc != 1 && $rc != 64 ]]; then
      if (( rc > 128 )); then problems+=("exit: $rc (signal $((rc - 128)); crash), want $exit_want")
      else problems+=("exit: $rc, want $exit_want"); fi
    elif [[ "|$exit_want|" != *"|$rc|"* ]]; then
      problems+=("exit: $rc, want $exit_want")
    fi
  fi
  # the rules
  [[ $before == "$after" ]] || problems+=("digest: the rules changed ($(printf '%s ' "${protect[@]}"))")
  for a in "${absent[@]}"; do
    [[ -e $work/$a || -L $work/$a ]] && problems+=("digest: $a was created")
  done
  # diagnostics: stdout and stderr together
  cat "$meta/stdout" "$meta/stderr" >"$meta/all" 2>/dev/null
  for d in "${diags[@]}"; do
    LC_ALL=C grep -aqE -- "$d" "$meta/all" || problems+=("diagnostic: no line matches /$d/")
  done
  for d in "${nodiags[@]}"; do
    LC_ALL=C grep -aqE -- "$d" "$meta/all" && problems+=("diagnostic: a line matches /$d/ (must not)")
  done
  # written file
  if [[ -n $out ]]; then
    for d in "${outmatch[@]}"; do
      LC_ALL=C grep -aqE -- "$d" "$work/$out" 2>/dev/null || problems+=("output: $out has no line matching /$d/")
    done
    for d in "${outnot[@]}"; do
      LC_ALL=C grep -aqE -- "$d" "$work/$out" 2>/dev/null && problems+=("output: $out has a line matching /$d/")
    done
  fi
  # output hygiene
  texts=("$meta/stdout" "$meta/stderr")
  [[ -n $out && -f $work/$out && ! -L $work/$out && $checks != *-outctl* ]] && texts+=("$work/$out")
  github=0; [[ $run == *"--format github"* ]] && github=1
  for t in "${texts[@]}"; do
    [[ -s $t ]] || continue
    label=$(basename "$t")
    if [[ $checks != *-ctl* ]] && has_control "$t"; then
      problems+=("escape: raw control bytes in $label: $(LC_ALL=C grep -aoP '.{0,12}([\x00-\x08\x0B-\x1F\x7F]|\xC2[\x80-\x9F]).{0,12}' "$t" | head -n 1 | cat -v)")
    fi
    if [[ $checks == *+bidi* ]] && LC_ALL=C grep -qaP '\xE2\x80[\xAA-\xAE]|\xE2\x81[\xA6-\xA9]' "$t"; then
      problems+=("escape: raw bidirectional controls in $label")
    fi
    if [[ $checks != *-utf8* ]] && ! is_utf8 "$t"; then problems+=("escape: $label is not UTF-8"); fi
    forged=$(cd "$work" && forged_lines "$t" "$github")
    [[ -n $forged ]] && problems+=("escape: forged workflow command in $label: $(head -n 1 <<<"$forged" | cut -c1-80 | cat -v)")
    if [[ $run == *markdown* || $checks == *+table* ]]; then
      bt=$(broken_table "$t")
      [[ -n $bt ]] && problems+=("escape: Markdown table broken in $label at line ${bt:0:70}")
    fi
    if [[ $run == *"--format json"* || $run == *"--format sarif"* ]] && [[ $label == stdout || $t == "$work/$out" ]]; then
      if command -v jq >/dev/null && ! jq -e . "$t" >/dev/null 2>&1; then problems+=("escape: $label is not valid JSON"); fi
    fi
  done

}

pass=0 fail=0
declare -a failed=()
printf '%-52s %-6s %7s %7s %9s  %s\n' CASE RESULT WALL CPU PEAK-RSS DETAIL

for dir in "$corpus"/[0-9]*/; do
  dir=${dir%/}; name=$(basename "$dir")
  if [[ ${#filters[@]} -gt 0 ]]; then
    keep=0; for f in "${filters[@]}"; do [[ $name == *"$f"* ]] && keep=1; done
    [[ $keep == 1 ]] || continue
  fi
  [[ -f $dir/case ]] || { echo "hostile.sh: $name has no case file" >&2; exit 2; }

  # Read the case file: `key: value` lines; `diag`, `nodiag`, `outmatch`, `outnot`,
  # `absent` and `protect` may repeat.
  run= exit_want= stdout_to= stdin_from=/dev/null base=_base out= checks=
  declare -a diags=() nodiags=() outmatch=() outnot=() absent=() protect=(Rules)
  while IFS= read -r line || [[ -n $line ]]; do
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    key=${line%%:*}; val=${line#*:}; val=${val# }
    case $key in
      run) run=$val ;;
      exit) exit_want=$val ;;
      diag) diags+=("$val") ;;
      nodiag) nodiags+=("$val") ;;
      stdout) stdout_to=$val ;;
      stdin) stdin_from=$val ;;
      base) base=$val ;;
      out) out=$val ;;
      outmatch) outmatch+=("$val") ;;
      outnot) outnot+=("$val") ;;
      absent) absent+=("$val") ;;
      protect) protect+=("$val") ;;
      checks) checks=$val ;;
      *) echo "hostile.sh: $name: unknown key '$key'" >&2; exit 2 ;;
    esac
  done <"$dir/case"
  [[ -n $run && -n $exit_want ]] || { echo "hostile.sh: $name: needs run: and exit:" >&2; exit 2; }

  run_case
  retried=
  # A case that failed on wall time alone runs once more: on a shared machine a busy moment
  # can stretch a run; a slow algorithm fails twice.
  only_time=1; for p in "${problems[@]}"; do [[ $p == time:* ]] || only_time=0; done
  if [[ ${#problems[@]} -gt 0 && $only_time == 1 ]]; then
    chmod -R u+rwX "$scratch/$name" 2>/dev/null; rm -rf "$scratch/$name"
    run_case
    retried=" (second run)"
  fi

  mb=$(awk -v k="$rss_kb" 'BEGIN{printf "%.1fMB", k/1024}')
  if [[ ${#problems[@]} -eq 0 ]]; then
    pass=$((pass + 1))
    printf '%-52s %-6s %6ss %6ss %9s%s\n' "$name" PASS "$secs" "$cpu" "$mb" "$retried"
  else
    fail=$((fail + 1)); failed+=("$name")
    printf '%-52s %-6s %6ss %6ss %9s  %s\n' "$name" FAIL "$secs" "$cpu" "$mb" "${problems[0]}$retried"
    for p in "${problems[@]:1}"; do printf '%-52s %-6s %7s %7s %9s  %s\n' '' '' '' '' '' "$p"; done
    if [[ ${HOSTILE_VERBOSE:-0} == 1 ]]; then
      echo "    --- exit $rc; stdout/stderr (first 15 lines):"; head -n 15 "$meta/all" | cut -c1-200 | cat -v | sed 's/^/    | /'
    fi
  fi
  [[ ${HOSTILE_KEEP:-0} == 1 ]] || { chmod -R u+rwX "$scratch/$name" 2>/dev/null; rm -rf "$scratch/$name"; }
done

echo
echo "hostile corpus: $((pass + fail)) cases, $pass passed, $fail failed (bounds: ${time_limit}s, $((rss_limit_kb / 1024)) MiB RSS; binary $bin)"
[[ ${HOSTILE_KEEP:-0} == 1 ]] && echo "scratch folders kept in $scratch"
[[ $fail -eq 0 ]] || { printf 'failed: %s\n' "${failed[*]}"; exit 1; }
