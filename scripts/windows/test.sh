#!/usr/bin/env bash
# `make test-windows`: runs the CLI's main flows against the cross-built yardstick.exe under
# Wine, on C:\ paths with a non-ASCII user folder, and checks what a Windows user would see:
# files (PDF, CSV with BOM and CRLF), exit codes and messages. Then, when the app was built,
# starts Yardstick.exe (Wine has no WebView2) and checks it waits in a message box rather
# than panicking, with a screenshot. Everything happens in a throwaway WINEPREFIX under /tmp;
# the ProcessPrng shim that Wine 8 needs is built into the test folder only, never shipped.
# `--cli-only` skips the app (CI builds only the CLI).
set -uo pipefail
cli_only=false
[ "${1:-}" = "--cli-only" ] && cli_only=true
here=$(cd "$(dirname "$0")/../.." && pwd)
release="${CARGO_TARGET_DIR:-$here/target}/x86_64-pc-windows-gnu/release"
work=$(mktemp -d /tmp/yardstick-wine.XXXXXX)
trap 'wineserver -k >/dev/null 2>&1; rm -rf "$work"' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all
# No Mono or Gecko install prompts: nothing here uses .NET or MSHTML.
export WINEDLLOVERRIDES="mscoree,mshtml="
start=$SECONDS
checks=0
failures=0

pass() { checks=$((checks + 1)); echo "  ok   $1"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "  FAIL $1"; echo "$2" | sed 's/^/       /'; }
check() { if eval "$2"; then pass "$1"; else fail "$1" "stdout: $out"$'\n'"stderr: $err (exit $rc)"; fi; }

# The test folder: the CLI, the shim and a helper that holds a file open as Excel does.
bin="$work/bin"
mkdir -p "$bin"
cp "$release/yardstick.exe" "$bin/"
x86_64-w64-mingw32-gcc -shared -s -O2 -o "$bin/bcryptprimitives.dll" \
  "$here/scripts/windows/bcryptprimitives-shim.c" -ladvapi32
x86_64-w64-mingw32-gcc -municode -s -O2 -o "$bin/hold-open.exe" "$here/scripts/windows/hold-open.c"
wine wineboot -i >/dev/null 2>&1
wineserver -w

# A user folder with a non-ASCII name, as C:\ sees it and as Linux sees it.
user_win='C:\Users\Siân Ó Brien\Documents'
user_unix="$WINEPREFIX/drive_c/Users/Siân Ó Brien/Documents"
mkdir -p "$user_unix"
db="$user_win\\yardstick.sqlite3"

# Runs yardstick.exe; sets out, err and rc.
ys() {
  out=$(wine "$bin/yardstick.exe" "$@" 2>"$work/stderr")
  rc=$?
  err=$(<"$work/stderr")
}
y() { ys --db "$db" "$@"; }

echo "Data folder and paths"
ys list
check "with no --db the database is %APPDATA%\\uk.org.yardstick\\yardstick.sqlite3" \
  '[ $rc = 0 ] && ls "$WINEPREFIX"/drive_c/users/*/AppData/Roaming/uk.org.yardstick/yardstick.sqlite3 >/dev/null 2>&1'
y example-data
check "example-data in a non-ASCII user folder prints three ids" '[ $rc = 0 ] && [ "$(echo "$out" | wc -l)" = 3 ]'
check "the database file is where the C:\\ path says" '[ -f "$user_unix/yardstick.sqlite3" ]'
YARDSTICK_DB="$db" ys list
check "YARDSTICK_DB names the same database" '[ $rc = 0 ] && [[ $out == *"Example District Council"* ]]'
ys --db '\\fileserver\council$\yardstick.sqlite3' list
check "a database on a UNC path is refused as on a network drive" '[ $rc != 0 ] && [[ $err == *"network drive"* ]]'
ys --db '//fileserver/share/yardstick.sqlite3' list
check "a UNC path written with slashes is refused too" '[ $rc != 0 ] && [[ $err == *"network drive"* ]]'
mkdir -p "$work/share"
ln -s "$work/share" "$WINEPREFIX/dosdevices/n:"
wine reg add 'HKLM\Software\Wine\Drives' /v 'n:' /d network /f >/dev/null 2>&1
wineserver -k
ys --db 'N:\yardstick.sqlite3' list
check "a database on a mapped network drive (N:) is refused" '[ $rc != 0 ] && [[ $err == *"network drive"* ]] && [ ! -e "$work/share/yardstick.sqlite3" ]'
long="C:\\$(printf 'a%.0s' {1..120})\\$(printf 'b%.0s' {1..140})\\yardstick.sqlite3"
ys --db "$long" list
check "a database path past MAX_PATH is refused with what to do" '[ $rc != 0 ] && [[ $err == *"shorter"* ]]'

echo "Assessments, report and comparison"
y new --org "Cyngor Sir Ynys Môn" --period 2026/27
check "new starts an assessment for an organisation with a non-ASCII name" '[ $rc = 0 ] && [ "$out" = 4 ]'
y answer 4 promotion --level 2 --rationale "Adroddiadau misol — monthly reports" --target 3
check "answer records a level" '[ $rc = 0 ]'
y answer 4 promotion --level 9
check "answer refuses a level out of range" '[ $rc != 0 ] && [ -n "$err" ]'
y report 3 --out "$user_win\\Yardstick - Example - 2026-27.pdf" --marking OFFICIAL
check "report writes a PDF under a non-ASCII path" \
  '[ $rc = 0 ] && [ "$(head -c 5 "$user_unix/Yardstick - Example - 2026-27.pdf")" = "%PDF-" ]'
if command -v pdftotext >/dev/null 2>&1; then
  check "the report's text has the marking and the organisation" \
    'text=$(pdftotext "$user_unix/Yardstick - Example - 2026-27.pdf" -); [[ $text == *OFFICIAL* && $text == *"Example District Council"* ]]'
fi
y compare 1 2 3 --format table
check "compare prints a table of three periods" '[ $rc = 0 ] && [[ $out == *2024/25* && $out == *2026/27* ]]'
y compare 1 2 3 --format csv
check "compare --format csv ends its records with CRLF (RFC 4180)" '[ $rc = 0 ] && [[ $out == *$'"'"'\r'"'"'* ]]'
y compare 1 4
check "comparing two organisations without --peer is refused with the option to use" '[ $rc != 0 ] && [[ $err == *"--peer"* ]]'

echo "File names Windows forbids, and files held open"
for name in 'aux.pdf' 'CON.csv' 'report.' 'what?.pdf'; do
  y report 3 --out "$user_win\\$name"
  check "report refuses the file name $name" '[ $rc != 0 ] && [[ $err == *"different file name"* ]]'
done
pdf="$user_win\\Yardstick - Example - 2026-27.pdf"
wine "$bin/hold-open.exe" "$pdf" 8 &
holder=$!
sleep 3
y report 3 --out "$pdf"
check "a report over a PDF open in another program says to close it there" \
  '[ $rc != 0 ] && [[ $err == *"another program has it open"* ]] && [[ $err != *"os error"* ]]'
wait "$holder"
y report 3 --out "$pdf"
check "once the other program closes it, the report is written" '[ $rc = 0 ]'

echo "Export and import"
y export 3 --format csv --out "$user_win\\latest.csv"
check "export --format csv writes answers and actions files" '[ $rc = 0 ] && [ -f "$user_unix/latest-actions.csv" ]'
check "the CSV starts with a UTF-8 byte-order mark for Excel" '[ "$(head -c 3 "$user_unix/latest.csv" | od -An -tx1 | tr -d " ")" = efbbbf ]'
check "every CSV record ends with CRLF" '! tr -d "\r" <"$user_unix/latest.csv" | cmp -s - "$user_unix/latest.csv" && [ "$(grep -c $'"'"'\r$'"'"' "$user_unix/latest.csv")" = "$(wc -l <"$user_unix/latest.csv")" ]'
y export 3 --format json --with-files --out "$user_win\\latest.json"
check "export --format json --with-files writes the exchange file" '[ $rc = 0 ] && grep -q "\"format\": *\"yardstick-assessment\"" "$user_unix/latest.json"'
# A colleague's file carrying attachments named as Windows forbids, saved by Notepad with a
# byte-order mark and CRLF line endings.
python3 - "$user_unix/latest.json" "$user_unix/hostile.json" <<'PY'
import base64, hashlib, json, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
for name in ["aux.pdf", "CON", "minutes?.pdf", "plan. "]:
    body = ("attachment " + name).encode()
    document["evidence"].append({
        "questionId": "promotion", "kind": "file", "note": name, "url": None,
        "createdAt": "2026-05-04T09:30:00Z",
        "file": {"name": name, "size": len(body), "mediaType": "application/pdf",
                 "sha256": hashlib.sha256(body).hexdigest(),
                 "content": base64.b64encode(body).decode()}})
text = json.dumps(document, ensure_ascii=False, indent=2).replace("\n", "\r\n")
open(sys.argv[2], "wb").write(b"\xef\xbb\xbf" + text.encode("utf-8"))
PY
other="$user_win\\colleague.sqlite3"
ys --db "$other" import "$user_win\\hostile.json"
check "attachments named aux.pdf, CON, minutes?.pdf, 'plan.' are refused, each with a name to use" \
  '[ $rc != 0 ] && [[ $err == *"\"_aux.pdf\""* && $err == *"\"_CON\""* && $err == *"\"minutes-.pdf\""* && $err == *"nothing was changed"* ]]'
# The same file without those attachments: the BOM and CRLF alone must not stop it.
python3 - "$user_unix/hostile.json" "$user_unix/notepad.json" <<'PY'
import json, sys
document = json.loads(open(sys.argv[1], encoding="utf-8-sig").read())
document["evidence"] = [e for e in document["evidence"] if e["note"] not in ("aux.pdf", "CON", "minutes?.pdf", "plan. ")]
text = json.dumps(document, ensure_ascii=False, indent=2).replace("\n", "\r\n")
open(sys.argv[2], "wb").write(b"\xef\xbb\xbf" + text.encode("utf-8"))
PY
ys --db "$other" import "$user_win\\notepad.json"
check "a file saved by Notepad (BOM, CRLF) imports" '[ $rc = 0 ] && [[ $out == Imported* ]]'
y import "$user_win\\latest.json"
check "importing a clash is refused, naming --on-conflict" '[ $rc != 0 ] && [[ $err == *"--on-conflict"* ]]'
y import "$user_win\\latest.json" --as-peer
check "the same file imports as a peer council's assessment" '[ $rc = 0 ] && [[ $out == *peer* ]]'

echo "Hostile imports"
printf '{"format": "yardstick-assessment", "formatVersion": 7}' >"$user_unix/newer.json"
y import "$user_win\\newer.json"
check "a file from a newer Yardstick is refused as newer" '[ $rc != 0 ] && [[ $err == *newer* ]]'
printf '{"format": "yardstick-assessment",\r\n "formatVersion": 1,\r\n "answers": [' >"$user_unix/cut.json"
y import "$user_win\\cut.json"
check "a truncated file is refused with its place" '[ $rc != 0 ] && [[ $err == *cut.json* && $err == *line* ]]'
y import "$user_win"
check "a folder is refused as a folder" '[ $rc != 0 ] && [[ $err == *folder* ]]'
y import 'C:\nowhere\missing.json'
check "a missing file is an error, not a crash" '[ $rc != 0 ] && [[ $err != *panicked* ]]'

echo "Checklists"
mkdir -p "$user_unix/checklists"
cp "$here"/checklists/*.toml "$user_unix/checklists/"
first=$(ls "$user_unix/checklists" | head -n 1)
y checklist validate "$user_win\\checklists\\$first"
check "checklist validate passes a shipped checklist" '[ $rc = 0 ]'
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$here/checklists/$first"; } >"$user_unix/checklists/notepad.toml"
y checklist validate "$user_win\\checklists\\notepad.toml"
check "a checklist saved by Notepad (BOM, CRLF) passes" '[ $rc = 0 ]'
printf 'id = "broken"\r\nversion = \r\n' >"$user_unix/checklists/broken.toml"
y checklist validate "$user_win\\checklists\\broken.toml"
check "a broken checklist fails as FILE:LINE:COLUMN" '[ $rc != 0 ] && [[ "$out$err" == *"broken.toml:2:"* ]]'

echo "Backup and restore"
y backup "$user_win\\all.ysbackup"
check "backup writes one archive" '[ $rc = 0 ] && [ -s "$user_unix/all.ysbackup" ]'
y delete 4
y restore "$user_win\\all.ysbackup"
check "restore brings back what was deleted and keeps a safety copy" \
  '[ $rc = 0 ] && ls "$user_unix"/yardstick.sqlite3.before-restore-*.bak >/dev/null 2>&1'
y list
check "after the restore the deleted assessment is listed again" '[ $rc = 0 ] && [[ $out == *"Cyngor Sir Ynys Môn"* ]]'

app="$release/yardstick-app.exe"
if ! $cli_only && [ -f "$app" ] && command -v xvfb-run >/dev/null 2>&1; then
  echo "The app without WebView2"
  cp "$app" "$bin/Yardstick.exe"
  cp "$release/WebView2Loader.dll" "$bin/"
  shot="${YARDSTICK_WINE_SCREENSHOT:-$here/dist/windows/no-webview2-under-wine.png}"
  mkdir -p "$(dirname "$shot")"
  # The message box waits for a click, so the app must still be running after a while (a
  # panic would have ended it); the screenshot shows the box for a person to read.
  xvfb-run -a -s "-screen 0 1024x768x24" bash -c '
    wine "$1/Yardstick.exe" 2>"$2/app-stderr" & app=$!
    sleep 12
    if kill -0 $app 2>/dev/null; then echo running >"$2/app-state"; fi
    command -v import >/dev/null && import -window root "$3"
    wineserver -k' _ "$bin" "$work" "$shot" >/dev/null 2>&1
  out="" rc="" err=$(cat "$work/app-stderr" 2>/dev/null)
  check "Yardstick.exe without WebView2 waits in a message box instead of panicking" \
    '[ "$(cat "$work/app-state" 2>/dev/null)" = running ] && [[ $err != *panicked* ]]'
  [ -f "$shot" ] && echo "  screenshot: $shot"
fi

echo "make test-windows: $checks checks, $failures failed, $((SECONDS - start)) s"
[ "$failures" = 0 ]
