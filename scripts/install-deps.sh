#!/usr/bin/env bash
# Installs what Yardstick needs on a Debian 12 (or Ubuntu) machine, and only what is missing,
# without asking questions: safe to run on every `make run` / `make test`.
#   scripts/install-deps.sh run    packages to build and launch the app
#   scripts/install-deps.sh test   also the test tools (Xvfb, WebKitWebDriver, poppler, tauri-driver)
#   scripts/install-deps.sh windows       also the Windows cross-build: mingw-w64, NSIS, zip and
#                                         the Rust target x86_64-pc-windows-gnu
#   scripts/install-deps.sh windows-test  also Wine, to run the Windows build here
set -euo pipefail

purpose=${1:-run}
here=$(cd "$(dirname "$0")/.." && pwd)

run_packages=(libwebkit2gtk-4.1-dev build-essential pkg-config curl file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev)
test_packages=(xvfb xauth webkit2gtk-driver poppler-utils libreoffice-calc-nogui python3-xlib
  python3-openpyxl)
# mingw-w64 links the Windows binaries, nsis (makensis) builds the installer; Debian's wine64
# runs 64-bit Windows programs (wine32 would need the i386 architecture, and is not needed).
windows_packages=(mingw-w64 nsis zip)
windows_test_packages=(wine wine64)
windows_rust_target=x86_64-pc-windows-gnu
tauri_driver_version=2.1.0
node_minimum=20.19.0

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing_packages() {
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || echo "$package"
  done
}

install_debian_packages() {
  local missing
  missing=$(missing_packages "$@")
  [ -z "$missing" ] && return 0
  echo "Installing Debian packages: $(echo $missing | tr '\n' ' ')"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

version_at_least() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]
}

check_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    install_debian_packages nodejs npm
  fi
  local version
  version=$(node --version | sed 's/^v//')
  if ! version_at_least "$version" "$node_minimum"; then
    echo "Yardstick's UI build (Vite 8) needs Node.js $node_minimum or newer; this machine has $version." >&2
    echo "Install a newer Node.js (for example from NodeSource or nvm) and run the command again." >&2
    exit 1
  fi
}

install_npm_packages() {
  # npm ci only when the lock file changed since the last install, so warm runs stay fast.
  local stamp="$here/ui/node_modules/.yardstick-lock-stamp"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$here/ui/package-lock.json"; then
    return 0
  fi
  echo "Installing the UI's npm packages (npm ci)"
  (cd "$here/ui" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$here/ui/package-lock.json" "$stamp"
}

check_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    echo "Rust is not installed. Install it with rustup (https://rustup.rs) and run the command again." >&2
    exit 1
  fi
}

install_windows_rust_target() {
  if rustup target list --installed 2>/dev/null | grep -qx "$windows_rust_target"; then
    return 0
  fi
  if ! command -v rustup >/dev/null 2>&1; then
    echo "The Windows build needs the Rust target $windows_rust_target, and rustup to add it." >&2
    echo "Install Rust with rustup (https://rustup.rs) and run the command again." >&2
    exit 1
  fi
  echo "Adding the Rust target $windows_rust_target"
  rustup target add "$windows_rust_target"
}

install_tauri_driver() {
  # cargo records what it installed; trust that record rather than parsing --help output.
  local installed="${CARGO_HOME:-$HOME/.cargo}/.crates.toml"
  if command -v tauri-driver >/dev/null 2>&1 && [ -f "$installed" ] \
    && grep -q "\"tauri-driver $tauri_driver_version " "$installed"; then
    return 0
  fi
  echo "Installing tauri-driver $tauri_driver_version"
  cargo install tauri-driver --version "$tauri_driver_version" --locked --quiet
}

install_debian_packages "${run_packages[@]}"
check_rust
check_node
install_npm_packages
case "$purpose" in
  test)
    install_debian_packages "${test_packages[@]}"
    install_tauri_driver
    ;;
  windows | windows-test)
    install_debian_packages "${windows_packages[@]}"
    install_windows_rust_target
    if [ "$purpose" = "windows-test" ]; then
      install_debian_packages "${windows_test_packages[@]}"
    fi
    ;;
esac
