#!/usr/bin/env bash
# Issue #14: how much faster the whole `yardstick report` process is than the office-suite
# route, measured side by side in one run. Builds the release CLI, loads the example council
# into a temporary database, times `yardstick report` on its latest assessment, writes an
# equivalent .docx (the same report's text, headings and page breaks) and times LibreOffice
# turning it into PDF, warm (after one untimed run, with its own profile folder). Prints both
# medians and the ratio. Without soffice or python-docx the second half is skipped, saying so.
#
#   scripts/bench-report.sh            RUNS=50 scripts/bench-report.sh
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS="${RUNS:-30}"
OFFICE_RUNS="${OFFICE_RUNS:-7}"
TARGET="${CARGO_TARGET_DIR:-$PWD/target}"

cargo build --release --quiet -p yardstick --bin yardstick
bin="$TARGET/release/yardstick"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/yardstick.db"
latest="$("$bin" --db "$db" example-data | tail -n 1)"
report=("$bin" --db "$db" report "$latest" --out "$work/report.pdf" --marking OFFICIAL
    --fixed-time 2026-05-04T09:30:00Z)

# Median wall time in milliseconds of running a command RUNS times after one warm-up run.
# Python's clock around a direct exec (no shell in between), so the figure is the process.
median_ms() {
    local runs="$1"
    shift
    python3 - "$runs" "$@" <<'PY'
import statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(times):.2f}")
PY
}

ours="$(median_ms "$RUNS" "${report[@]}")"
pages="$(pdfinfo "$work/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)"
size_kb="$(( $(stat -c %s "$work/report.pdf") / 1024 ))"
echo "yardstick report: median ${ours} ms over ${RUNS} runs (${pages:-?} pages, ${size_kb} KB)"

if ! command -v soffice >/dev/null; then
    echo "LibreOffice (soffice) is not installed: skipping the office-suite comparison."
    echo "Install it (apt-get install libreoffice-writer-nogui) to measure the ratio."
    exit 0
fi
if ! command -v pdftotext >/dev/null; then
    echo "pdftotext (poppler-utils) is not installed: cannot build the equivalent .docx; skipping."
    exit 0
fi

# The equivalent document: the report's own text, page by page, section titles as headings,
# written with python-docx (PyPI).
if ! python3 -c "import docx" 2>/dev/null; then
    echo "python-docx is not installed (pip install python-docx): skipping the office-suite comparison."
    exit 0
fi
pdftotext "$work/report.pdf" "$work/report.txt"
python3 - "$work/report.txt" "$work/report.docx" <<'PY'
import re, sys
import docx
text = open(sys.argv[1], encoding="utf-8").read()
headings = {"Executive summary", "Recommendations", "Findings", "Method and scale",
            "Comparison with earlier assessments"}
document = docx.Document()
# Report-sized type and spacing, so each report page fits one page of the document.
normal = document.styles["Normal"]
normal.font.size = docx.shared.Pt(9)
normal.paragraph_format.space_after = docx.shared.Pt(0)
for n, page in enumerate(text.split("\f")):
    if n:
        document.add_page_break()
    for line in page.splitlines():
        # pdftotext keeps characters XML cannot carry (e.g. stray control codes): drop them.
        line = re.sub(r"[\x00-\x08\x0b-\x1f]", "", line).strip()
        if not line:
            continue
        if line in headings:
            document.add_heading(line, level=1)
        else:
            document.add_paragraph(line)
document.save(sys.argv[2])
PY

# Its own profile folder: no clash with a LibreOffice already running, and warm after the
# untimed first run.
office=(soffice "-env:UserInstallation=file://$work/lo-profile" --headless --convert-to pdf
    --outdir "$work/office" "$work/report.docx")
theirs="$(median_ms "$OFFICE_RUNS" "${office[@]}")"
# soffice exits 0 even when it cannot load a file, so check that it made the PDF.
if ! office_pages="$(pdfinfo "$work/office/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')" ||
    [ -z "$office_pages" ]; then
    echo "LibreOffice made no PDF from the .docx, so its time is not valid. Is Writer installed" >&2
    echo "(apt-get install libreoffice-writer-nogui)?" >&2
    exit 1
fi
echo "soffice --headless --convert-to pdf: median ${theirs} ms over ${OFFICE_RUNS} runs (${office_pages:-?} pages)"
python3 -c "import sys; o, t = map(float, sys.argv[1:]); print(f'ratio: {t / o:.0f}x faster (goal: at least 100x)')" "$ours" "$theirs"
