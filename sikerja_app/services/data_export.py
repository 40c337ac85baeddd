"""Turning Statistik's rows and aggregates into open data (JSON, CSV) and exports (CSV, XLSX).

Only the fields named here ever leave: the register's institution-level fields, the staff list's
application fields (no person) and the aggregates. Nothing is read from a row by reflection.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from ..config import get_settings
from ..domain.dates import to_local
from .statistics import (
    AGREEMENT_STATUS_LABELS,
    EXPIRY_DAYS,
    STATUS_FILTERS,
    Aggregates,
    ApplicationRow,
    Bar,
    Filter,
    RegisterRow,
)

# Open data: machine-readable keys and codes.
REGISTER_FIELDS = ("id", "judul", "bentuk", "pihak_daerah", "mitra_nama", "mitra_jenis_kode", "mitra_jenis",
                   "mitra_kabkota_kode", "mitra_kabkota", "urusan_kode", "urusan", "tanggal_ttd", "berlaku_mulai",
                   "berlaku_sampai", "status")
# Exports from the Statistik page: what the table shows, with Indonesian headers.
REGISTER_EXPORT = (("judul", "Judul"), ("bentuk", "Bentuk"), ("pihak_daerah", "Pihak daerah"),
                   ("mitra_nama", "Mitra"), ("mitra_jenis", "Jenis mitra"), ("mitra_kabkota", "Kabupaten/kota mitra"),
                   ("urusan", "Urusan"), ("tanggal_ttd", "Tanggal ditandatangani"),
                   ("berlaku_mulai", "Berlaku mulai"), ("berlaku_sampai", "Berlaku sampai"),
                   ("status_label", "Status"))
APPLICATION_EXPORT = (("code", "Kode"), ("judul", "Judul"), ("instansi", "Instansi"), ("jenis", "Jenis instansi"),
                      ("urusan", "Urusan"), ("status_label", "Tahap"), ("submitted_at", "Diajukan"),
                      ("status_changed_at", "Perubahan terakhir"))
XLSX_MAX_ROWS = 50_000  # larger sets: CSV (streamed) or the open-data routes


def register_record(r: RegisterRow) -> dict[str, object]:
    out: dict[str, object] = {k: getattr(r, k) for k in REGISTER_FIELDS}
    for k in ("tanggal_ttd", "berlaku_mulai", "berlaku_sampai"):
        out[k] = out[k].isoformat()  # type: ignore[union-attr]
    return out


def _local_date(value: datetime | None) -> date | None:
    return to_local(value, get_settings().timezone).date() if value else None


def export_values(row: RegisterRow | ApplicationRow) -> list[object]:
    """One export row, as typed values (dates stay dates)."""
    if isinstance(row, RegisterRow):
        return [getattr(row, k) for k, _ in REGISTER_EXPORT]
    return [_local_date(v) if isinstance(v, datetime) else v
            for v in (getattr(row, k) for k, _ in APPLICATION_EXPORT)]


def export_headers(tabel: str) -> list[str]:
    return [h for _, h in (APPLICATION_EXPORT if tabel == "permohonan" else REGISTER_EXPORT)]


def _csv_cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, date):
        return v.isoformat()
    text = str(v)
    # A cell starting with = + - @ is a formula to a spreadsheet: keep it text (CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_chunks(header: list[str], rows: Iterable[list[object]], bom: bool = True,
               chunk_rows: int = 1000) -> Iterator[bytes]:
    """CSV in pieces of ``chunk_rows`` rows (UTF-8, with a BOM so spreadsheet programs read it right)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    first = True
    for n, row in enumerate(rows, start=1):
        writer.writerow([_csv_cell(v) for v in row])
        if n % chunk_rows == 0:
            yield (("\ufeff" if bom and first else "") + buf.getvalue()).encode("utf-8")
            first = False
            buf.seek(0)
            buf.truncate()
    yield (("\ufeff" if bom and first else "") + buf.getvalue()).encode("utf-8")


def xlsx_bytes(title: str, header: list[str], rows: Iterable[list[object]], note: str = "") -> bytes:
    """A one-sheet workbook (openpyxl write-only: flat memory for large tables)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title[:31])
    widths = {"Judul": 60, "Mitra": 40, "Instansi": 40, "Urusan": 32, "Pihak daerah": 28, "Jenis mitra": 32}
    for i, h in enumerate(header):
        ws.column_dimensions[chr(ord("A") + i)].width = widths.get(h, 20)
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    cells = []
    for h in header:
        c = WriteOnlyCell(ws, value=h)
        c.font = bold
        cells.append(c)
    ws.append(cells)
    for row in rows:
        out = []
        for v in row:
            if isinstance(v, date):
                c = WriteOnlyCell(ws, value=v)
                c.number_format = "DD/MM/YYYY"
                out.append(c)
            else:
                text = "" if v is None else str(v)
                out.append("'" + text if text[:1] == "=" else text)
        ws.append(out)
    if note:
        ws.append([])
        ws.append([note])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _bars(bars: list[Bar], value_key: str = "jumlah") -> list[dict[str, object]]:
    return [{"kode": b.key, "label": b.full, value_key: b.value, **({"n": b.n} if b.n else {})} for b in bars]


def aggregates_record(a: Aggregates) -> dict[str, object]:
    """Every chart as plain numbers, for /data/agregat.json."""
    f = a.filter
    return {
        "saringan": {"tahun_dari": f.tahun_dari, "tahun_sampai": f.tahun_sampai, "jenis": f.jenis or None,
                     "urusan": f.urusan or None, "status": f.status or None},
        "ringkasan": {"kerja_sama": a.jumlah_kerja_sama, "berlaku": a.jumlah_berlaku,
                      "permohonan_dalam_proses": a.jumlah_proses,
                      f"berakhir_dalam_{EXPIRY_DAYS}_hari": a.jumlah_akan_berakhir},
        "kerja_sama_per_tahun": [{"tahun": r.year, **{k.lower(): r.counts.get(k, 0) for k in AGREEMENT_STATUS_LABELS},
                                  "jumlah": r.total} for r in a.per_tahun],
        "permohonan_per_tahap": _bars(a.per_tahap),
        "kerja_sama_per_jenis_mitra": _bars(a.per_jenis),
        "kerja_sama_per_urusan": _bars(a.per_urusan),
        "kerja_sama_per_kabkota_mitra": _bars(a.per_kabkota),
        f"berakhir_dalam_{EXPIRY_DAYS}_hari": _bars(a.akan_berakhir),
        "rata_rata_hari_per_tahap": _bars(a.rata_hari, "rata_rata_hari"),
    }


AGGREGATE_CSV_HEADER = ["dimensi", "kode", "label", "nilai", "n"]


def aggregates_rows(a: Aggregates) -> Iterator[list[object]]:
    """The aggregates in long form (one row per bar) for /data/agregat.csv."""
    for r in a.per_tahun:
        for k, label in AGREEMENT_STATUS_LABELS.items():
            yield ["kerja_sama_per_tahun", f"{r.year}:{k}", f"{r.year} {label}", r.counts.get(k, 0), ""]
    for name, bars in (("permohonan_per_tahap", a.per_tahap), ("kerja_sama_per_jenis_mitra", a.per_jenis),
                       ("kerja_sama_per_urusan", a.per_urusan), ("kerja_sama_per_kabkota_mitra", a.per_kabkota),
                       (f"berakhir_dalam_{EXPIRY_DAYS}_hari", a.akan_berakhir),
                       ("rata_rata_hari_per_tahap", a.rata_hari)):
        for b in bars:
            yield [name, b.key, b.full, b.value, b.n or ""]


def status_options() -> list[tuple[str, str]]:
    return [(k, label) for k, (label, _) in STATUS_FILTERS.items()]


def filter_note(f: Filter) -> str:
    parts = [f"{k}={v}" for k, v in f.query().items()]
    return "Saringan: " + (", ".join(parts) if parts else "tidak ada")
