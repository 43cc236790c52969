#!/usr/bin/env bash
# Measures the release desktop app and prints its figures: start to first screen, answer-save
# round trip, a save issued while an export sealed with a passphrase runs (as a ratio to a save
# alone: the store must not be held by the export's slow work), idle memory (RSS), and binary
# size. Aims: ≤ 1 s, ≤ 20 ms, about 1× (not the export's duration), ≤ 150 MB, ≤ 25 MB.
# CSIRT_APP_BIN=<binary> measures that build instead of building the release one (e.g. two
# builds compared from the same machine state).
# Needs what scripts/e2e.sh installs (Xvfb, tauri-driver, tests/e2e npm packages) and imagemagick.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v /usr/bin/import >/dev/null || {
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends imagemagick
}
(cd ui && npm ci --no-audit --no-fund >/dev/null && npm run build >/dev/null)
(cd tests/e2e && npm ci --no-audit --no-fund >/dev/null)
label="release binary"
if [ -n "${CSIRT_APP_BIN:-}" ]; then
  bin="$CSIRT_APP_BIN"
  label="binary ($bin)"
else
  cargo build --release --locked -p csirt-app
  bin="${CARGO_TARGET_DIR:-$PWD/target}/release/csirt-app"
fi

work="$(mktemp -d)"
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x860x24 >/dev/null 2>&1 &
xvfb=$!
cleanup() { kill "$xvfb" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
sleep 1
export DISPLAY="$display"

# The header's blue at a point inside it means the first screen is painted.
painted() {
  /usr/bin/import -display "$display" -window root -crop 1x1+8+8 txt:- 2>/dev/null | grep -q 'srgb(29,78,137)'
}

# A process and all its descendants (WebKit starts its helpers through a sandbox launcher).
descendants() {
  echo "$1"
  for c in $(pgrep -P "$1"); do descendants "$c"; done
}

# Start to first screen: launch, then poll the screen until the app's header is drawn.
# Run 1 creates the database (and imports the demo); runs 2–4 open it again.
starts=()
for run in 1 2 3 4; do
  t0=$(date +%s%N)
  CSIRT_DB="$work/db.sqlite3" "$bin" >/dev/null 2>&1 &
  pid=$!
  until painted; do
    sleep 0.02
    if [ $(( ($(date +%s%N) - t0) / 1000000 )) -gt 20000 ]; then echo "no window after 20 s" >&2; break; fi
  done
  t1=$(date +%s%N)
  starts+=($(( (t1 - t0) / 1000000 )))
  if [ "$run" = 4 ]; then
    # Idle memory: the app and its WebKit helper processes, 5 s after the first screen.
    sleep 5
    pids="$(descendants "$pid")"
    app_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    total_kb=0
    pss_kb=0
    for p in $pids; do
      kb=$(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
      total_kb=$((total_kb + ${kb:-0}))
      # PSS shares each library page among the processes that map it: the fairer total.
      kb=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
      pss_kb=$((pss_kb + ${kb:-0}))
    done
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  sleep 0.5
done

save=$(cd tests/e2e && CSIRT_APP_BIN="$bin" node measure.mjs 2>/dev/null | tail -2)
size=$(stat -c %s "$bin")

echo "start to first screen: first run (new database) ${starts[0]} ms; later runs ${starts[1]}, ${starts[2]}, ${starts[3]} ms"
echo "$save"
echo "idle RSS: app process $((app_kb / 1024)) MB; with WebKit web and network processes $((total_kb / 1024)) MB (PSS $((pss_kb / 1024)) MB)"
echo "$label: $((size / 1024 / 1024)) MB ($size bytes)"
