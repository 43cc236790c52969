#!/usr/bin/env bash
# The Linux package, tested as a user meets it: builds the .deb and .rpm (debug profile, to keep
# CI's time: see docs/desktop.md), installs the .deb with apt-get, starts the installed app under
# Xvfb to its first screen (WebDriver), runs the installed `csirt --version` and
# `csirt report --demo`, opens an exported .csirt file through its MIME association (gio open,
# with a fresh HOME), then purges the package and checks that nothing of it is left under /usr
# while the user's data folder stays. Deletes the bundles afterwards.
# Ends with one line "N passed, M failed" and a non-zero exit status when anything failed.
# Installs into /usr: run it on a CI machine or a throwaway one (root, or sudo).
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
PKG=csirt-assessment

passed=0; failed=0
ok() { passed=$((passed + 1)); echo "PASS $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { local name="$1"; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

work="$(mktemp -d)"
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
  dpkg -s "$PKG" >/dev/null 2>&1 && $SUDO apt-get -o DPkg::Lock::Timeout=600 purge -y -qq "$PKG" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# What the test itself needs: Xvfb, gio (libglib2.0-bin), the WebDriver tools (e2e.sh installs
# them too), desktop-file-utils to validate the desktop entry, and the packages the .deb
# recommends, so installing it needs nothing from the network beyond what e2e.sh installed.
need_pkgs=()
for p in xvfb xauth libglib2.0-bin desktop-file-utils shared-mime-info xdg-utils webkit2gtk-driver poppler-utils; do
  dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${need_pkgs[@]}"
fi
export PATH="$HOME/.cargo/bin:$PATH"
command -v tauri-driver >/dev/null || cargo install tauri-driver --version 2.1.0 --locked
[ -d tests/e2e/node_modules ] || (cd tests/e2e && npm ci --no-audit --no-fund)

echo "== package build (debug)"
start=$(date +%s)
bash scripts/package.sh --debug 2>&1 | tee "$work/build.log"
build_status=${PIPESTATUS[0]}
echo "package build: $(( $(date +%s) - start )) s"
deb="$(sed -n 's/^package: \(.*\.deb\) (.*/\1/p' "$work/build.log")"
rpm="$(sed -n 's/^package: \(.*\.rpm\) (.*/\1/p' "$work/build.log")"
if [ "$build_status" -ne 0 ] || [ ! -f "$deb" ] || [ ! -f "$rpm" ]; then
  bad "scripts/package.sh writes a .deb and an .rpm"
  finish
fi
ok "scripts/package.sh writes a .deb and an .rpm"
bundles="$(dirname "$(dirname "$deb")")"
version="$(dpkg-deb -f "$deb" Version)"

# The .rpm: its lead's magic number, and its file list when rpm is at hand.
rpm_magic() { [ "$(head -c 4 "$rpm" | od -An -tx1 | tr -d ' \n')" = "edabeedb" ]; }
check "the .rpm is an RPM file" rpm_magic
if command -v rpm >/dev/null; then
  rpm_files() { rpm -qlp "$rpm" 2>/dev/null | grep -qx /usr/bin/csirt && rpm -qlp "$rpm" | grep -qx /usr/share/mime/packages/csirt-assessment.xml; }
  check "the .rpm holds the csirt command and the MIME type" rpm_files
fi

# The .deb's control data: WebKitGTK declared, so apt pulls it in on a fresh Debian or Ubuntu.
deb_depends() { dpkg-deb -f "$deb" Depends | grep -q 'libwebkit2gtk-4.1-0'; }
check "the .deb depends on WebKitGTK" deb_depends
# The package's regular files, as absolute paths.
dpkg-deb -c "$deb" | awk '$1 ~ /^-/ {print $6}' | sed 's|^\./|/|; s|^\([^/]\)|/\1|' > "$work/files"

echo "== install"
dpkg -s "$PKG" >/dev/null 2>&1 && $SUDO apt-get -o DPkg::Lock::Timeout=600 purge -y -qq "$PKG"
installed() { DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$deb" && dpkg -s "$PKG" >/dev/null 2>&1; }
if ! installed; then
  bad "apt-get install ./${deb##*/}"
  finish
fi
ok "apt-get install ./${deb##*/}"
all_there() { while read -r f; do [ -e "$f" ] || { echo "missing $f"; return 1; }; done < "$work/files"; }
check "every file of the package is installed" all_there
on_path() { [ "$(command -v csirt)" = /usr/bin/csirt ] && [ "$(command -v csirt-app)" = /usr/bin/csirt-app ]; }
check "csirt and csirt-app are on the PATH" on_path
desktop=/usr/share/applications/$PKG.desktop
entry() {
  desktop-file-validate "$desktop" && grep -q '^Name\[ja\]=' "$desktop" && grep -q '^Comment\[ja\]=' "$desktop" \
    && grep -q '^MimeType=application/x-csirt-assessment;' "$desktop" && grep -q '^Exec=csirt-app %f' "$desktop"
}
check "the desktop entry is valid, in ja and en, with the MIME type" entry
icons() { for s in 16x16 32x32 48x48 64x64 128x128 256x256 512x512; do [ -f "/usr/share/icons/hicolor/$s/apps/csirt-app.png" ] || return 1; done; }
check "icons at the standard sizes" icons

echo "== the installed csirt"
v_en="$(csirt --lang en --version)"; v_ja="$(csirt --version)"
echo "$v_en"
version_text() {
  grep -q "^csirt $version\$" <<<"$v_en" && grep -q "jpcert-2015 " <<<"$v_en" && grep -q "OFL-1.1" <<<"$v_en" \
    && grep -q "Licences" <<<"$v_en" && grep -q "ライセンス" <<<"$v_ja" && grep -q "OFL-1.1" <<<"$v_ja"
}
check "csirt --version names the versions and licences (ja, en)" version_text
report() { (cd "$work" && csirt report --demo -o "$work/demo.pdf") && pdfinfo "$work/demo.pdf" >/dev/null; }
check "csirt report --demo writes a PDF" report

echo "== the installed app, first screen (WebDriver)"
export HOME="$work/home"; mkdir -p "$HOME"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache"
unset CSIRT_DB CSIRT_QUESTIONNAIRES
csirt demo > "$work/demo.json"
(cd "$work" && csirt --db "$work/export.sqlite3" --lang en assessment import demo.json >/dev/null \
  && csirt --db "$work/export.sqlite3" assessment export 1 > "$work/サンプル評価.csirt")
check "an exported assessment as a .csirt file" test -s "$work/サンプル評価.csirt"
(cd tests/e2e && xvfb-run -a --server-args="-screen 0 1280x860x24" \
  node package.mjs /usr/bin/csirt-app "$work/サンプル評価.csirt" "$version") > "$work/webdriver.log" 2>&1
grep -vE '^(PASS|FAIL) ' "$work/webdriver.log"
while read -r line; do
  case "$line" in PASS\ *) ok "${line#PASS }" ;; FAIL\ *) bad "${line#FAIL }" ;; esac
done < <(grep -E '^(PASS|FAIL) ' "$work/webdriver.log")
grep -q '^PASS the installed app reaches its first screen' "$work/webdriver.log" || bad "the WebDriver run finished"

echo "== file association (gio open, fresh HOME)"
mime_type() { [ "$(gio info -a standard::content-type "$work/サンプル評価.csirt" | sed -n 's/.*standard::content-type: //p')" = application/x-csirt-assessment ]; }
check ".csirt files have the type application/x-csirt-assessment" mime_type
sealed() { cp "$work/サンプル評価.csirt" "$work/s.csirt.age" && [ "$(gio info -a standard::content-type "$work/s.csirt.age" | sed -n 's/.*standard::content-type: //p')" = application/x-csirt-assessment ]; }
check ".csirt.age files have the same type" sealed
handler() { gio mime application/x-csirt-assessment | grep -q "$PKG.desktop"; }
check "the app is the handler of the type" handler
# gio starts the app as a double-click would; the app logs the file it was given, and its
# command line holds it. Its data folder is made under the fresh HOME.
opened() {
  xvfb-run -a --server-args="-screen 0 1280x860x24" bash -c '
    gio open "$1" > "$2" 2>&1
    for i in $(seq 1 150); do
      for p in /proc/[0-9]*; do
        [ "$(readlink "$p/exe" 2>/dev/null)" = /usr/bin/csirt-app ] || continue
        if tr "\0" "\n" < "$p/cmdline" | grep -qxF "$1"; then
          # Let it open its database before it is stopped.
          for j in $(seq 1 100); do [ -s "$3" ] && break; sleep 0.1; done
          sleep 1; kill "${p#/proc/}"; exit 0
        fi
      done
      sleep 0.2
    done
    exit 1' _ "$work/サンプル評価.csirt" "$work/gio.log" "$XDG_DATA_HOME/csirt-assessment/csirt.sqlite3"
}
check "gio open starts the app with the file" opened
cat "$work/gio.log" 2>/dev/null
data_made() { [ -s "$XDG_DATA_HOME/csirt-assessment/csirt.sqlite3" ]; }
check "the app made its database in the user's data folder" data_made

echo "== removal"
purged() { DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 purge -y -qq "$PKG" && ! dpkg -s "$PKG" >/dev/null 2>&1; }
check "apt-get purge $PKG" purged
nothing_left() { while read -r f; do [ ! -e "$f" ] || { echo "left: $f"; return 1; }; done < "$work/files"; [ ! -e /usr/share/doc/$PKG ]; }
check "nothing of the package is left under /usr" nothing_left
check "the user's data stays" data_made
handler_gone() { ! gio mime application/x-csirt-assessment 2>/dev/null | grep -q "$PKG.desktop"; }
check "the file association is gone" handler_gone

# The bundles are big (a debug build): do not keep them on the CI disk.
rm -rf "$bundles/deb" "$bundles/rpm"
finish
