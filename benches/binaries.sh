#!/usr/bin/env bash
# Benchmark: two builds of the `oversight` binary side by side (for example before and after a
# change of the release profile), on the same inputs in the same run: their sizes, the PDF and
# HTML reports of the synthetic 300-indicator assessment on one core, and a portfolio of
# generated answers files as JSON. The two binaries take turns, so that other work on the machine
# weighs on both alike; their outputs must be the same bytes. Figures: docs/benchmarks.md,
# section "Release profile".
#
# usage: benches/binaries.sh OLD_BINARY NEW_BINARY [RUNS] [PORTFOLIO_FILES]
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A bin=([old]=$1 [new]=$2)
runs=${3:-20}
files=${4:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The inputs do not depend on how the binaries were built: the examples run in the dev profile.
cargo run --quiet --example synthetic -- 300 "$work" >/dev/null
cargo run --quiet --example portfolio -- "$files" "$work/answers" >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "size: old ${bin[old]} $(stat -c %s "${bin[old]}") bytes, new ${bin[new]} $(stat -c %s "${bin[new]}") bytes"

# One workload, run by the binary named `old` or `new` under $runner, writing $work/<name>.<ext>.
runner=(taskset -c 0)
report() {
  "${runner[@]}" "${bin[$1]}" report "$work/answers.yaml" --checklist "$work/checklist.yaml" \
    --date 2026-11-28 --format "$2" -o "$work/$1.$2"
}
pdf() { report "$1" pdf; }
html() { report "$1" html; }
portfolio() { "${runner[@]}" "${bin[$1]}" portfolio "$work/answers" --date 2026-11-28 --format json -o "$work/$1.json"; }

# Milliseconds of one run.
once_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

# "mean ms (fastest, slowest)" of a list of milliseconds.
summary() {
  printf '%s\n' "$@" | awk '{ s += $1; if (NR == 1 || $1 < lo) lo = $1; if ($1 > hi) hi = $1 }
    END { printf "%d ms (fastest %d, slowest %d)", s / NR, lo, hi }'
}

# Times a workload for both binaries, taking turns, after one warm-up run each.
compare() {
  local label=$1 workload=$2 old_ms=() new_ms=()
  "$workload" old >/dev/null 2>&1
  "$workload" new >/dev/null 2>&1
  for _ in $(seq "$runs"); do
    old_ms+=("$(once_ms "$workload" old)")
    new_ms+=("$(once_ms "$workload" new)")
  done
  echo "$label: old $(summary "${old_ms[@]}"), new $(summary "${new_ms[@]}"), $runs runs each"
}

compare "report --format pdf, 300 indicators, one core" pdf
compare "report --format html, 300 indicators, one core" html
runner=(nice -n 0)
compare "portfolio --format json, $files files, two cores" portfolio

# Instructions executed, counted by valgrind's callgrind: the same on every run however busy the
# machine is, so a small difference in speed shows where wall-clock times scatter.
if command -v valgrind >/dev/null; then
  runner=(valgrind --tool=callgrind --callgrind-out-file=/dev/null)
  for workload in pdf html; do
    counts=()
    for name in old new; do
      counts+=("$("$workload" "$name" 2>&1 | awk '/Collected :/ { print $4 }')")
    done
    echo "report --format $workload, instructions: old ${counts[0]}, new ${counts[1]}"
  done
else
  echo "valgrind not installed: no instruction counts (apt-get install valgrind)"
fi
for ext in pdf html json; do
  if cmp -s "$work/old.$ext" "$work/new.$ext"; then
    echo "$ext outputs: the same bytes"
  else
    echo "$ext outputs: DIFFERENT"
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
