#!/usr/bin/env bash
# Benchmark: the PDF of an answers file whose one comment is 8 MiB of line breaks (a literal
# block scalar), the quadratic case of issue 17: wall time and peak memory of the whole run.
# Figures and how to read them: docs/benchmarks.md.
#
# usage: benches/newlines.sh [MIB]
set -euo pipefail
cd "$(dirname "$0")/.."
mib=${1:-8}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
cat > "$work/checklist.yaml" <<'YAML'
id: test
version: "1"
languages: [en]
title: Test
scales:
  s:
    levels:
      - {value: 0, label: Zero}
      - {value: 4, label: Four}
sections:
  - id: a
    title: A
    indicators:
      - {id: a-1, text: A one, scale: s}
YAML
{
  printf 'checklist: test\nchecklist_version: "1"\norganisation: Org\nassessed_on: 2026-11-01\n'
  printf 'answers:\n  a-1:\n    level: 4\n    comment: |\n      start\n'
  head -c $((mib * 1024 * 1024)) /dev/zero | tr '\0' '\n'
  printf '      end\n'
} > "$work/answers.yaml"
/usr/bin/time -f "%e s, %M KiB peak" target/release/oversight --max-file-bytes $(((mib + 1) * 1024 * 1024)) \
  report "$work/answers.yaml" --checklist "$work/checklist.yaml" --date 2026-11-28 --format pdf \
  -o "$work/report.pdf" 2>&1 | tail -1
echo "input: $(stat -c %s "$work/answers.yaml") bytes; PDF: $(pdfinfo "$work/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}') pages"
