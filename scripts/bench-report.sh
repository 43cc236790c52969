#!/usr/bin/env bash
# Times our PDF report against headless Chromium printing the same content as HTML, 5 runs
# each, in one run on this machine; prints a markdown table (median times, ratio, file sizes).
# Needs: a release build of csirt, Debian's chromium and fonts-morisawa-bizud-gothic (for the
# HTML's Japanese text). Installs them with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
if ! command -v chromium >/dev/null || [ ! -d /usr/share/fonts/truetype/bizud-gothic ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium fonts-morisawa-bizud-gothic
fi
cargo build --release --locked --quiet --bin csirt
bin="${CARGO_TARGET_DIR:-./target}/release/csirt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%N | awk '{printf "%.1f", $1/1000000}'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "| lang | our PDF (ms) | Chromium (ms) | ratio | our size (KB) | Chromium size (KB) | pages (ours) |"
echo "|---|---|---|---|---|---|---|"
for lang in ja en; do
  "$bin" report --demo --lang "$lang" --html -o "$work/$lang.html" >/dev/null
  ours=(); theirs=()
  for i in $(seq $runs); do
    t0=$(now_ms); "$bin" report --demo --lang "$lang" -o "$work/ours-$lang.pdf" >/dev/null; t1=$(now_ms)
    ours+=("$(echo "$t1 - $t0" | bc)")
    t0=$(now_ms)
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
      --disable-component-update --disable-sync --no-first-run --no-pdf-header-footer \
      --user-data-dir="$work/profile" --print-to-pdf="$work/chromium-$lang.pdf" \
      "file://$work/$lang.html" >/dev/null 2>&1
    t1=$(now_ms)
    theirs+=("$(echo "$t1 - $t0" | bc)")
  done
  o=$(printf '%s\n' "${ours[@]}" | median)
  c=$(printf '%s\n' "${theirs[@]}" | median)
  ratio=$(echo "scale=1; $c / $o" | bc)
  os=$(( $(stat -c %s "$work/ours-$lang.pdf") / 1024 ))
  cs=$(( $(stat -c %s "$work/chromium-$lang.pdf") / 1024 ))
  pages=$(pdfinfo "$work/ours-$lang.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  echo "| $lang | $o | $c | ${ratio}× | $os | $cs | $pages |"
done
