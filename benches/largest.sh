#!/usr/bin/env bash
# Benchmark: the largest inputs the default limits accept (and one they refuse at the size
# limit), with the release binary: wall time, CPU time and peak resident memory of each run.
# These are the inputs of the second hardening round (issues 17 and 18); figures and how to
# read them: docs/benchmarks.md, "The largest inputs", and the memory bound in docs/limits.md.
#
# usage: benches/largest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
limit=8388608

cargo build --release --quiet
bin=target/release/oversight
head='checklist: dssg-executive
checklist_version: "1.0"
organisation: Unit
assessed_on: 2026-11-20'

# 8 MiB of distinct unknown answer keys (refused: every one is unknown).
{
  printf '%s\nanswers:\n' "$head"
  awk -v room=$((limit - 100)) 'BEGIN { for (i = 0; size + length(i) + 8 <= room; i++) { printf "  k%d: {}\n", i; size += length(i) + 8 } }'
} > "$work/keys.yaml"
# 144,625 evidence items on one answer, every one out of date.
{
  printf '%s\nanswers:\n  law-1:\n    level: 2\n    evidence:\n' "$head"
  awk 'BEGIN { for (i = 0; i < 144625; i++) print "      - {title: E, date: 2001-01-01}" }'
} > "$work/evidence.yaml"
# The densest evidence the size limit allows: 289,000 dated items in one flow list, every one
# out of date, so that each is a line of the report twice (its evidence and its flag).
{
  printf '%s\nanswers:\n  law-1:\n    level: 2\n    evidence: [' "$head"
  awk -v n=$(((limit - 200) / 29)) 'BEGIN { for (i = 0; i < n; i++) printf "{title: E, date: 2001-01-01}," }'
  printf ']\n'
} > "$work/dense.yaml"
# The largest checklist (5,000 indicators) and a full assessment of it.
cargo run --release --quiet --example synthetic -- 5000 "$work/largest" >/dev/null
echo "inputs: keys $(stat -c %s "$work/keys.yaml") B, evidence $(stat -c %s "$work/evidence.yaml") B, dense $(stat -c %s "$work/dense.yaml") B, 5,000 indicators $(stat -c %s "$work/largest/answers.yaml") + $(stat -c %s "$work/largest/checklist.yaml") B"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# "LABEL: wall s, cpu s, peak KiB" of one run; the exit code is shown when it is not 0.
measure() {
  local label=$1
  shift
  local status=0
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || status=$?
  read -r wall user sys peak < <(tail -n 1 "$work/time")
  local note=""
  [ "$status" -eq 0 ] || note=" (exit $status)"
  echo "$label: ${wall} s wall, $(awk "BEGIN { print $user + $sys }") s cpu, ${peak} KiB peak$note"
}

measure "keys: validate" "$bin" validate "$work/keys.yaml"
measure "evidence: score" "$bin" score "$work/evidence.yaml"
for format in json html pdf; do
  measure "evidence: report --format $format" "$bin" report "$work/evidence.yaml" --format "$format" -o "$work/out/"
done
for format in json html pdf; do
  measure "dense: report --format $format" "$bin" report "$work/dense.yaml" --format "$format" -o "$work/out/"
done
largest=("$work/largest/answers.yaml" --checklist "$work/largest/checklist.yaml")
measure "5,000 indicators: validate" "$bin" validate "${largest[@]}"
for format in json html pdf html,pdf,json; do
  measure "5,000 indicators: report --format $format" "$bin" report "${largest[@]}" --format "$format" -o "$work/out/"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
