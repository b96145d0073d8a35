"""Records as CSV for spreadsheets: a header row of the documented field paths, UTF-8 with a BOM
(Excel on Chinese Windows reads a file without one as GBK), and no cell a spreadsheet would run.

Scraped text is hostile: a cell that begins with = + - @, a tab or a carriage return is taken by
Excel, LibreOffice and Google Sheets as a formula (=HYPERLINK(…), DDE). As OWASP recommends, such
a text cell is prefixed with a single quote, which spreadsheets show as text; the csv module
quotes the separators and quotes inside cells. Full-width ＝＋－＠ are treated the same, since a
Chinese input method types them where a formula was meant. Numbers come from typed fields and
are written as they are (a negative number is no formula). The JSON files carry every text exactly.
"""

from __future__ import annotations

import csv
import io

from pelican.plugins.jiuye_opendata.records import Field, lookup

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_bytes(fields: tuple[Field, ...], records: list[dict]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # the excel dialect: comma, CRLF, quotes where needed
    writer.writerow(f.path for f in fields)
    for record in records:
        writer.writerow(cell(lookup(record, f.path)) for f in fields)
    return buffer.getvalue().encode("utf-8-sig")
