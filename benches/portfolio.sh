#!/usr/bin/env bash
# Benchmark: `oversight portfolio` over generated answers files of the bundled checklist
# `dssg-executive` (examples/portfolio.rs), with the release binary: each output format alone,
# all four together, and the JSON run held to one core to show what the parallel reading and
# scoring brings; then the same over LARGE files, with wall time, CPU time and peak memory
# (GNU time), beside the floor: the YAML crate alone parsing the same files
# (examples/yaml_floor.rs). Figures and how to read them: docs/benchmarks.md, "Portfolio".
#
# usage: benches/portfolio.sh [FILES] [RUNS] [LARGE]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
runs=${2:-5}
large=${3:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }

cargo build --release --quiet --bin oversight --example portfolio --example yaml_floor
target/release/examples/portfolio "$count" "$work/answers" >/dev/null
target/release/examples/portfolio "$large" "$work/large" >/dev/null
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

# "wall s, cpu s, peak KiB" of one run of a command, which must succeed.
measured() {
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null
  awk '{ printf "%.2f s wall, %.2f s cpu, %d KiB peak", $1, $2 + $3, $4 }' "$work/time"
}

echo "input: $large answers files, $(du -sk "$work/large" | cut -f1) KiB"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in 1 2 3; do
  echo "portfolio --format json, $large files: $(measured "$bin" portfolio --date 2026-11-28 "$work/large" --format json -o "$work/out/")"
  echo "floor, YAML values: $(measured target/release/examples/yaml_floor value "$work/large")"
  echo "floor, parser events only: $(measured target/release/examples/yaml_floor events "$work/large")"
done
echo "portfolio --format html,pdf,json,csv, $large files: $(measured "$bin" portfolio --date 2026-11-28 "$work/large" --format html,pdf,json,csv -o "$work/out/")"
# Peak memory against the number of files: the first N files of the same set.
all=("$work/large"/*.yaml)
for n in $(( large / 20 )) $(( large / 4 )) "$large"; do
  echo "portfolio --format json, first $n files: $(measured "$bin" portfolio --date 2026-11-28 "${all[@]:0:n}" --format json -o "$work/out/")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
