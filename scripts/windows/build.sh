#!/usr/bin/env bash
# `make windows`: cross-builds the desktop app and the CLI for 64-bit Windows on Debian and
# packs them as a portable zip and a per-user installer in dist/windows/. Assumes
# `scripts/install-deps.sh windows` and `make ui` have run (the Makefile sees to both).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"

target=x86_64-pc-windows-gnu
release="${CARGO_TARGET_DIR:-$here/target}/$target/release"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
name="Yardstick-$version-windows-x64"
out="$here/dist/windows"
stage="$out/$name"

timed() {
  local what=$1 start=$SECONDS
  shift
  "$@"
  echo "make windows: $what took $((SECONDS - start)) s"
}

timed "the CLI build" cargo build --release --quiet --target "$target" --bin yardstick
timed "the app build" cargo build --release --quiet --target "$target" -p yardstick-app

rm -rf "$stage" "$out/$name.zip"
mkdir -p "$stage/cli"
# Symbols are half the size of the binaries and of no use to a council's laptop.
x86_64-w64-mingw32-strip -o "$stage/Yardstick.exe" "$release/yardstick-app.exe"
x86_64-w64-mingw32-strip -o "$stage/cli/yardstick.exe" "$release/yardstick.exe"
# webview2-com-sys's build script copies Microsoft's loader into the target folder.
cp "$release/WebView2Loader.dll" "$stage/"
# Notepad on older Windows 10 shows LF-only text as one long line.
sed 's/$/\r/' scripts/windows/README-Windows.txt >"$stage/README-Windows.txt"
scripts/windows/licences.sh "$target" | sed 's/$/\r/' >"$stage/THIRD-PARTY-LICENCES.txt"
sed 's/$/\r/' scripts/windows/LICENCE.txt >"$stage/LICENCE.txt"

(cd "$out" && zip -q -r -X "$name.zip" "$name")
echo "make windows: $out/$name.zip ($(du -k "$out/$name.zip" | cut -f1) KB)"

timed "the installer" makensis -V2 -DVERSION="$version" -DSTAGE="$stage" -DICON="$here/src-tauri/icons/icon.ico" \
  -DOUTFILE="$out/$name-setup.exe" scripts/windows/installer.nsi
echo "make windows: $out/$name-setup.exe ($(du -k "$out/$name-setup.exe" | cut -f1) KB)"
