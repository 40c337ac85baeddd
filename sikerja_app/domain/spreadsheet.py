"""Reading a small table from an uploaded XLSX or CSV file, decided by content. Plain Python.

XLSX is a ZIP container with ``xl/workbook.xml`` (``filetypes.detect_type``); CSV is text as
spreadsheet programs save it (UTF-8 with or without BOM, or Windows-1252), separated by
commas, semicolons (Excel in an Indonesian locale) or tabs. Anything else is refused with an
Indonesian message. Only the first worksheet is read, only the first ``MAX_COLS`` columns, and
the work stops at ``max_rows``: a hostile file (a ZIP bomb, a million rows) costs little.
"""

import csv
import io
import zipfile
from datetime import date, datetime, time

from . import filetypes

MAX_COLS = 40
MAX_UNZIPPED = 64 * 1024 * 1024  # the sum of the entries' uncompressed sizes an XLSX may declare

Cell = str | int | float | bool | date | datetime | time | None

MSG_NOT_SPREADSHEET = "Berkas ini bukan lembar kerja XLSX atau CSV. Unggah berkas .xlsx atau .csv."
MSG_XLSX_BROKEN = "Berkas XLSX rusak atau tidak dapat dibaca. Simpan ulang dari Excel/LibreOffice lalu coba lagi."
MSG_XLSX_TOO_BIG = "Isi berkas XLSX terlalu besar untuk diimpor."
MSG_CSV_BROKEN = "Berkas CSV tidak dapat dibaca: periksa tanda kutip dan pemisah kolomnya."


class SpreadsheetError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def kind_of(data: bytes) -> filetypes.FileType | None:
    """XLSX or CSV by content; None for anything else (a PDF, a DOCX, binary junk)."""
    kind = filetypes.detect_type(data, filetypes.SPREADSHEETS)
    return kind if kind in filetypes.SPREADSHEETS else None


Row = tuple[int, list[Cell]]  # (the row's number as the spreadsheet program shows it, its cells)


def is_blank(cells: list[Cell]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


class _Rows:
    """Collects the non-blank rows with their numbers; stops at ``limit`` of them, or after
    scanning ``10 × limit + 1000`` rows in all (a sheet of empty but formatted rows)."""

    def __init__(self, limit: int) -> None:
        self.limit, self.scan_left, self.rows = limit, 10 * limit + 1000, []

    def add(self, number: int, cells: list[Cell]) -> bool:
        """Keep the row unless blank; False once enough rows were read."""
        self.scan_left -= 1
        if not is_blank(cells):
            self.rows.append((number, cells))
        return len(self.rows) < self.limit and self.scan_left > 0


def read_table(data: bytes, max_rows: int) -> tuple[filetypes.FileType, list[Row]]:
    """The kind and the non-blank rows of the first sheet (the header row included) with their row
    numbers: at most ``max_rows + 1`` of them, one more than allowed, so the caller can tell the
    file is too long."""
    kind = kind_of(data)
    if kind is filetypes.XLSX:
        return kind, _xlsx_rows(data, _Rows(max_rows + 1))
    if kind is filetypes.CSV:
        return kind, _csv_rows(data, _Rows(max_rows + 1))
    raise SpreadsheetError(MSG_NOT_SPREADSHEET)


def _xlsx_rows(data: bytes, out: _Rows) -> list[Row]:
    import openpyxl  # noqa: PLC0415 - only the import needs it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(i.file_size for i in zf.infolist()) > MAX_UNZIPPED:
                raise SpreadsheetError(MSG_XLSX_TOO_BIG)
    except zipfile.BadZipFile:
        raise SpreadsheetError(MSG_XLSX_BROKEN) from None
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except SpreadsheetError:
        raise
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds on a damaged workbook
        raise SpreadsheetError(MSG_XLSX_BROKEN) from None
    try:
        if not wb.worksheets:
            raise SpreadsheetError(MSG_XLSX_BROKEN)
        ws = wb.worksheets[0]
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # some programs write a wrong <dimension>; read what is there
        for number, values in enumerate(ws.iter_rows(max_col=MAX_COLS, values_only=True), start=1):
            if not out.add(number, list(values)):
                break
        return out.rows
    except SpreadsheetError:
        raise
    except Exception:  # noqa: BLE001
        raise SpreadsheetError(MSG_XLSX_BROKEN) from None
    finally:
        wb.close()


def _delimiter(first_line: str) -> str:
    """The separator of the header line: the most frequent of ``,``, ``;`` and tab (outside quotes)."""
    outside, quoted = [], False
    for ch in first_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(ch)
    text = "".join(outside)
    return max((",", ";", "\t"), key=text.count)


def _csv_rows(data: bytes, out: _Rows) -> list[Row]:
    text = filetypes.decode_text(data)
    if text is None:
        raise SpreadsheetError(MSG_NOT_SPREADSHEET)
    first = text.lstrip("\r\n").split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first), strict=True)
    try:
        for number, record in enumerate(reader, start=1):  # a record, as a spreadsheet program numbers it
            if not out.add(number, list(record[:MAX_COLS])):
                break
    except csv.Error:
        raise SpreadsheetError(MSG_CSV_BROKEN) from None
    return out.rows


def write_csv(header: list[str], rows: list[list[str]]) -> bytes:
    """A CSV file Excel opens with the right letters: UTF-8 with BOM, comma separated."""
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def write_xlsx(sheets: list[tuple[str, list[list[object]]]], widths: dict[str, list[int]] | None = None) -> bytes:
    """A small workbook: ``sheets`` is [(title, rows)], the first row of each in bold."""
    import openpyxl  # noqa: PLC0415
    from openpyxl.styles import Font  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
        for cell in ws[1] if rows else ():
            cell.font = Font(bold=True)
        for i, w in enumerate((widths or {}).get(title, []), start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
