#!/usr/bin/env bash
# Benchmark: `oversight portfolio` over generated answers files of the bundled checklist
# `dssg-executive` (examples/portfolio.rs), with the release binary: each output format alone,
# all four together, and the JSON run held to one core to show what the parallel reading and
# scoring brings. Figures and how to read them: docs/benchmarks.md, section "Portfolio".
#
# usage: benches/portfolio.sh [FILES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
cargo run --release --quiet --example portfolio -- "$count" "$work/answers" >/dev/null
bin=target/release/oversight
echo "input: $count answers files, $(du -sk "$work/answers" | cut -f1) KiB, on $(nproc) cores"
# Other work on the machine skews the figures: say how busy it was.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# "mean / fastest / slowest" wall-clock milliseconds of a command over $runs runs, after one
# warm-up run; the command must succeed.
timed() {
  "$@" >/dev/null
  local all=() start end
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    all+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${all[@]}" | awk '{ s += $1; if (NR == 1 || $1 < lo) lo = $1; if ($1 > hi) hi = $1 }
    END { printf "%d ms mean (fastest %d, slowest %d, %d runs)", s / NR, lo, hi, NR }'
}

portfolio() { "$bin" portfolio "$work/answers" --date 2026-11-28 "$@"; }
for format in json csv html pdf html,pdf,json,csv; do
  echo "--format $format: $(timed portfolio --format "$format" -o "$work/out/")"
done
for ext in html pdf json csv; do
  echo "  portfolio.$ext: $(stat -c %s "$work/out/portfolio.$ext") bytes"
done
if command -v pdfinfo >/dev/null; then
  echo "  portfolio.pdf: $(pdfinfo "$work/out/portfolio.pdf" | awk '/^Pages:/ {print $2}') pages"
fi
echo "--format json on one core (taskset -c 0): $(timed taskset -c 0 "$bin" portfolio "$work/answers" --date 2026-11-28 --format json -o "$work/out/")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
