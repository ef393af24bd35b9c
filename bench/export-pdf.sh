#!/usr/bin/env bash
# The printable checklist on paper: exports a procedure to HTML, prints it
# to PDF with headless Chromium on A4 and on Letter, reports the pages and
# the time each step took, and renders every page as PNG (80 dpi) to look at.
#
#   bench/export-pdf.sh [PROCEDURE] [es|en]
#
# Needs Debian's chromium and poppler-utils:
#   apt-get update && apt-get install -y chromium poppler-utils
# The stylesheet says `@page { size: auto }` (the printer's paper); to
# print both sizes here, a one-line `@page { size: A4 }` or `size: letter`
# is added to a copy of the page. OUT=DIR keeps the files somewhere else.
set -euo pipefail
cd "$(dirname "$0")/.."

proc=${1:-procedures/PROC-BACKEND-002-rollback-migracion-bd.toml}
lang=${2:-es}
out=${OUT:-$(mktemp -d /tmp/pasos-export-pdf.XXXXXX)}
mkdir -p "$out"

for tool in chromium pdfinfo pdftoppm; do
  if ! command -v "$tool" >/dev/null; then
    echo "export-pdf: $tool is missing: apt-get install -y chromium poppler-utils" >&2
    exit 2
  fi
done

ms() { date +%s%3N; }

cargo build --quiet --release
pasos=target/release/pasos

t0=$(ms)
"$pasos" --lang "$lang" export --format html -o "$out/checklist.html" "$proc"
t1=$(ms)
html_bytes=$(wc -c <"$out/checklist.html")
echo "export: $proc -> $out/checklist.html ($html_bytes bytes) in $((t1 - t0)) ms"

for size in A4 letter; do
  page="$out/checklist-$size.html"
  sed "s|</head>|<style>@page { size: $size; }</style>\n</head>|" "$out/checklist.html" >"$page"
  pdf="$out/checklist-$size.pdf"
  t0=$(ms)
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$pdf" "file://$page" 2>/dev/null
  t1=$(ms)
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  paper=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ { print $2 }')
  rm -f "$out/$size"-*.png
  pdftoppm -png -r 80 "$pdf" "$out/$size"
  t2=$(ms)
  echo "$size: $pages pages ($paper), printed in $((t1 - t0)) ms, rendered in $((t2 - t1)) ms: $out/$size-*.png"
done
