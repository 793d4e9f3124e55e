#!/usr/bin/env bash
# Benchmark: the whole `oversight report --format pdf` run on a synthetic 300-indicator
# assessment, side by side with printing the HTML report to PDF in headless Chromium.
# Figures and how to read them: docs/benchmarks.md.
#
# usage: benches/report.sh [INDICATORS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-300}
runs=${2:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
cargo run --release --quiet --example synthetic -- "$count" "$work" >/dev/null
bin=target/release/oversight
report() { "$bin" report "$work/answers.yaml" --checklist "$work/checklist.yaml" --date 2026-11-28 "$@"; }
report --format html -o "$work/report.html" >/dev/null

# Mean wall-clock milliseconds of a command over $runs runs (after one warm-up run).
mean_ms() {
  "$@" >/dev/null 2>&1
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1; done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000000 ))
}

pdf_ms=$(mean_ms taskset -c 0 "$bin" report "$work/answers.yaml" --checklist "$work/checklist.yaml" --date 2026-11-28 --format pdf -o "$work/report.pdf")
pages=$(pdfinfo "$work/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
echo "oversight report --format pdf: ${count} indicators, ${pages:-?} pages, $(stat -c %s "$work/report.pdf") bytes, ${pdf_ms} ms (mean of ${runs}, one core)"

if command -v chromium >/dev/null; then
  chrome_runs=$(( runs < 5 ? runs : 5 ))
  runs=$chrome_runs
  chrome_ms=$(mean_ms chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --no-pdf-header-footer \
    --print-to-pdf="$work/chromium.pdf" "file://$work/report.html")
  echo "chromium --print-to-pdf of the HTML report: ${chrome_ms} ms (mean of ${chrome_runs})"
  echo "ratio: $(( chrome_ms / (pdf_ms > 0 ? pdf_ms : 1) ))x"
else
  echo "chromium not installed: the side-by-side figure is skipped (apt-get install chromium)"
fi
