"""Fills a Yardstick contribution workbook as a colleague would, with openpyxl.

    python3 fill.py IN.xlsx OUT.xlsx EDITS.json

EDITS is a list of {"sheet": ..., "cell": "F2", "value": ...}; a value starting with "="
is written as a formula. {"op": "swap_columns", "sheet": ..., "a": 8, "b": 9} swaps two
columns (1-based), as a colleague dragging columns would.
"""
import json
import sys

import openpyxl

source, target, edits = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
book = openpyxl.load_workbook(source)
for edit in edits:
    sheet = book[edit["sheet"]]
    if edit.get("op") == "swap_columns":
        for row in range(1, sheet.max_row + 1):
            a = sheet.cell(row=row, column=edit["a"])
            b = sheet.cell(row=row, column=edit["b"])
            a.value, b.value = b.value, a.value
    else:
        sheet[edit["cell"]] = edit["value"]
book.save(target)
