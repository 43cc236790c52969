#!/usr/bin/env bash
# Sets up a fresh Debian machine, builds the app and opens it on the demo organisation.
# Until the desktop shell lands (issue "Desktop app"), this builds the CLI and shows the demo
# organisation's scored assessment in the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
command -v cc >/dev/null || need_pkgs+=(build-essential)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${need_pkgs[@]}"
fi

cargo build --release --locked --bin csirt
demo="$(mktemp -d)/demo.json"
lang="${CSIRT_LANG:-ja}"
./target/release/csirt demo --lang "$lang" > "$demo"
echo "Demo assessment written to $demo"
./target/release/csirt score "$demo" --lang "$lang"
