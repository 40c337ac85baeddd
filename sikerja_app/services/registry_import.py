"""Import of agreements signed before Si KERJA existed, from an XLSX or CSV file (issue 4, DESIGN §4).

The admin uploads the file (``/berkas/unggah?tujuan=impor-register``), ``check`` reads it and
validates every row against the reference data and the register, and ``run_import`` imports
it after the admin chose between importing every valid row and importing nothing when any
row is bad. ``run_import`` reads and validates the file again: nothing the browser kept
between the two steps is trusted.

Each imported row becomes an ``Agreement(source="IMPOR")`` whose ``import_key`` is the SHA-256
of the normalised pair of agreement numbers. The key is unique in the database, and a row
whose numbers are already in the register is reported as a bad row, so importing the same
file twice (or two admins at once) creates no duplicates.
"""

import hashlib
import re
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, select

from ..config import get_settings
from ..db import session_scope
from ..domain import filetypes, spreadsheet
from ..domain.dates import BULAN
from ..domain.jenis_pemohon import jenis_pemohon_list
from ..domain.monev import DEFAULT_MONTHS, MAX_MONTHS
from ..domain.roles import Role
from ..models import Agreement, KabKota, Opd, StoredFile, Urusan
from . import audit
from .auth import CurrentUser
from .errors import Forbidden, NotSignedIn, ServiceError
from .notifications import admin_ids, notify

ADMIN_ONLY = "Hanya admin yang dapat mengimpor register perjanjian."
MAX_ROWS = 2000
MODE_VALID = "VALID_SAJA"  # import every valid row; bad rows are left out
MODE_ALL_OR_NOTHING = "SEMUA_ATAU_TIDAK"  # import nothing when any row is bad
MODES: dict[str, str] = {
    MODE_VALID: "Impor semua baris yang valid; baris bermasalah dilewati",
    MODE_ALL_OR_NOTHING: "Jangan impor apa pun jika ada satu saja baris bermasalah",
}
BENTUK_LABELS = {"KB": "Kesepakatan Bersama", "PKS": "Perjanjian Kerja Sama", "NOTA_KESEPAKATAN": "Nota Kesepakatan"}
_BENTUK = {"KB": "KB", "KESEPAKATAN BERSAMA": "KB", "PKS": "PKS", "PERJANJIAN KERJA SAMA": "PKS",
           "NOTA KESEPAKATAN": "NOTA_KESEPAKATAN", "MOU": "NOTA_KESEPAKATAN"}
STATUS_LABELS = {"BERLAKU": "Berlaku", "BERAKHIR": "Berakhir"}
EXAMPLE_PREFIX = "CONTOH/"  # the template's sample rows carry it; such rows are refused
MIN_YEAR, MAX_YEAR = 1945, 2100


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # as written in the template
    required: bool
    accepts: str  # shown on the import page
    aliases: tuple[str, ...] = ()
    max_len: int = 0


def _jenis_hint() -> str:
    s = get_settings()
    return "; ".join(f"{j.kode} = {j.label}" for j in jenis_pemohon_list(s.region_name, s.province_name))


def columns() -> tuple[Column, ...]:
    return (
        Column("judul", "judul", True, "Judul kerja sama (paling banyak 300 karakter).", ("judul kerja sama",), 300),
        Column("bentuk", "bentuk", True, "KB, PKS atau Nota Kesepakatan.", ("bentuk kerja sama", "bentuk dokumen")),
        Column("mitra", "mitra", True, "Nama pihak mitra (paling banyak 200 karakter).",
               ("nama mitra", "pihak mitra"), 200),
        Column("jenis_mitra", "jenis mitra", True, "Salah satu dari delapan jenis, ditulis kode atau namanya: "
               + _jenis_hint() + ".", ("jenis pemohon",)),
        Column("kabkota", "kabupaten/kota mitra", True,
               "Nama (mis. Kota Balikpapan) atau kode Kemendagri (mis. 64.71); harus ada dalam daftar wilayah.",
               ("kabupaten kota", "kab kota mitra", "kabkota mitra", "kabkota")),
        Column("urusan", "urusan", True, "Kode (mis. 1.01) atau nama urusan pemerintahan (mis. Pendidikan).",
               ("urusan pemerintahan",)),
        Column("opd", "OPD pelaksana", False,
               "Singkatan (mis. DISKOMINFO) atau nama perangkat daerah pelaksana; boleh kosong.", ("opd",)),
        Column("nomor_daerah", "nomor pihak daerah", True, "Nomor perjanjian pihak pemerintah daerah.",
               ("nomor daerah",), 100),
        Column("nomor_mitra", "nomor pihak mitra", True, "Nomor perjanjian pihak mitra.", ("nomor mitra",), 100),
        Column("tanggal_ttd", "tanggal ttd", True,
               "Tanggal penandatanganan: DD-MM-YYYY, YYYY-MM-DD atau sel tanggal Excel.",
               ("tanggal tanda tangan", "tanggal penandatanganan")),
        Column("mulai", "berlaku mulai", True, "Tanggal mulai berlaku (format seperti tanggal ttd).",
               ("tanggal mulai",)),
        Column("sampai", "berlaku sampai", True,
               "Tanggal akhir berlaku (format seperti tanggal ttd); tidak boleh sebelum berlaku mulai.",
               ("tanggal berakhir", "berlaku hingga")),
        Column("monev", "periode monev", False,
               f"Jarak antarlaporan monev dalam bulan, 1–{MAX_MONTHS}; kosong berarti {DEFAULT_MONTHS}.",
               ("periode monev bulan", "monev bulan")),
    )


# --- helpers ---------------------------------------------------------------------------------


def _norm_header(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value or "")).lower()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def normalize_number(value: str) -> str:
    """An agreement number as compared for duplicates: NFKC, single spaces, upper case."""
    return " ".join(unicodedata.normalize("NFKC", value or "").split()).upper()


def import_key(nomor_daerah: str, nomor_mitra: str) -> str:
    """SHA-256 of the normalised pair of numbers (``Agreement.import_key``, unique)."""
    raw = normalize_number(nomor_daerah) + "\n" + normalize_number(nomor_mitra)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _text(value: spreadsheet.Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y")
    return " ".join(str(value).split())


def _code(value: spreadsheet.Cell) -> str:
    """A code like 64.71 or 2.10, which a spreadsheet may have turned into the number 2.1."""
    if isinstance(value, float):
        return f"{value:.2f}"
    return _text(value)


_DMY = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(value: spreadsheet.Cell, label: str) -> tuple[date | None, str]:
    """(the date, "") or (None, an Indonesian reason). Accepts DD-MM-YYYY, YYYY-MM-DD, real dates."""
    if isinstance(value, datetime):
        d = value.date()
    elif isinstance(value, date):
        d = value
    else:
        text = _text(value)
        if not text:
            return None, f"{label} wajib diisi."
        m, ymd = _DMY.match(text), _YMD.match(text)
        if isinstance(value, int | float) or not (m or ymd):
            return None, f"{label} '{text[:40]}' bukan tanggal dengan format DD-MM-YYYY atau YYYY-MM-DD."
        day, month, year = (int(x) for x in (m.groups() if m else reversed(ymd.groups())))  # type: ignore[union-attr]
        try:
            d = date(year, month, day)
        except ValueError:
            return None, f"{label} '{text}' bukan tanggal yang ada di kalender."
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        return None, f"{label} bertahun {d.year}: di luar rentang {MIN_YEAR}–{MAX_YEAR}."
    return d, ""


def tanggal(d: date) -> str:
    """``3 Desember 2026``."""
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def _label(col: Column) -> str:
    return col.header[0].upper() + col.header[1:]


# --- reference data, read once per check -----------------------------------------------------


@dataclass
class _Reference:
    kabkota: dict[str, str]  # kode -> nama
    kabkota_by_name: dict[str, str]
    kabkota_by_short: dict[str, list[str]]
    urusan: set[str]
    urusan_by_name: dict[str, str]
    opd_by_key: dict[str, int]
    jenis: dict[str, str]  # lower code or label -> code
    existing_keys: set[str]


_KABKOTA_PREFIX = re.compile(r"^(kota administrasi|kabupaten administrasi|kabupaten|kota|kab\.?)\s+")


def _reference(s: Session) -> _Reference:
    kab = {k.kode: k.nama for k in s.exec(select(KabKota))}
    by_short: dict[str, list[str]] = {}
    for kode, nama in kab.items():
        by_short.setdefault(_KABKOTA_PREFIX.sub("", nama.lower()), []).append(kode)
    urusan = list(s.exec(select(Urusan)))
    opd: dict[str, int] = {}
    for o in s.exec(select(Opd)):
        opd[o.nama.lower()] = o.id or 0
        opd[o.singkatan.lower()] = o.id or 0
    settings = get_settings()
    jenis: dict[str, str] = {}
    for j in jenis_pemohon_list(settings.region_name, settings.province_name):
        jenis[j.kode.lower()] = j.kode
        jenis[" ".join(j.label.lower().split())] = j.kode
    keys: set[str] = set()
    for key, nd, nm in s.exec(select(Agreement.import_key, Agreement.nomor_daerah, Agreement.nomor_mitra)):
        keys.add(import_key(nd, nm))
        if key:
            keys.add(key)
    return _Reference(kab, {n.lower(): k for k, n in kab.items()}, by_short, {u.kode for u in urusan},
                      {u.nama.lower(): u.kode for u in urusan}, opd, jenis, keys)


# --- the check -------------------------------------------------------------------------------


@dataclass
class ValidRow:
    row: int
    judul: str
    bentuk: str
    mitra: str
    jenis: str
    kabkota: str
    urusan: str
    opd_id: int | None
    nomor_daerah: str
    nomor_mitra: str
    tanggal_ttd: date
    mulai: date
    sampai: date
    monev: int
    key: str
    status: str


@dataclass
class BadRow:
    row: int
    reasons: list[str]

    @property
    def reason(self) -> str:
        return " ".join(self.reasons)


@dataclass
class ImportReport:
    file_id: int
    file_name: str
    kind: str  # XLSX or CSV
    sha256: str
    valid: list[ValidRow] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.valid) + len(self.bad)


@dataclass
class ImportResult:
    created: int
    skipped: int  # bad rows left out
    refused: bool  # all-or-nothing and a row was bad: nothing imported
    message: str
    report: ImportReport


def _require_admin(actor: CurrentUser | None, file_id: object, ip: str, what: str) -> CurrentUser:
    if actor is None:
        raise NotSignedIn()
    if actor.role != Role.ADMIN:
        with session_scope() as s:
            audit.record(s, "AKSES_DITOLAK", actor.id, "storedfile", str(file_id)[:40], ip, what)
        raise Forbidden(ADMIN_ONLY)
    return actor


def _map_columns(header: list[spreadsheet.Cell]) -> dict[str, int]:
    wanted: dict[str, Column] = {}
    for col in columns():
        for name in (col.header, *col.aliases):
            wanted[_norm_header(name)] = col
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        col = wanted.get(_norm_header(cell))
        if col is None:
            continue
        if col.key in found:
            raise ServiceError(f"Kolom '{col.header}' muncul lebih dari sekali pada baris judul kolom.")
        found[col.key] = index
    missing = [c.header for c in columns() if c.required and c.key not in found]
    if missing:
        raise ServiceError("Kolom wajib tidak ditemukan: " + ", ".join(missing)
                           + ". Gunakan judul kolom seperti pada templat di halaman ini.")
    return found


def _validate(number: int, cells: list[spreadsheet.Cell], where: dict[str, int], ref: _Reference,
              today: date) -> ValidRow | list[str]:
    cols = {c.key: c for c in columns()}

    def raw(key: str) -> spreadsheet.Cell:
        i = where.get(key)
        return cells[i] if i is not None and i < len(cells) else None

    reasons: list[str] = []
    texts: dict[str, str] = {}
    for key in ("judul", "mitra", "nomor_daerah", "nomor_mitra"):
        col, text = cols[key], _text(raw(key))
        if not text:
            reasons.append(f"{_label(col)} wajib diisi.")
        elif col.max_len and len(text) > col.max_len:
            reasons.append(f"{_label(col)} terlalu panjang (paling banyak {col.max_len} karakter).")
        texts[key] = text
    if any(texts[k].upper().startswith(EXAMPLE_PREFIX) for k in ("nomor_daerah", "nomor_mitra")):
        reasons.append("Baris contoh dari templat: ganti dengan data perjanjian yang sebenarnya.")

    bentuk_text = _text(raw("bentuk"))
    bentuk = _BENTUK.get(" ".join(bentuk_text.upper().replace("_", " ").split()), "")
    if not bentuk_text:
        reasons.append("Bentuk wajib diisi.")
    elif not bentuk:
        reasons.append(f"Bentuk '{bentuk_text[:40]}' tidak dikenal: isi KB, PKS atau Nota Kesepakatan.")

    jenis_text = _text(raw("jenis_mitra"))
    jenis = ref.jenis.get(" ".join(jenis_text.lower().split()), "")
    if not jenis_text:
        reasons.append("Jenis mitra wajib diisi.")
    elif not jenis:
        reasons.append(f"Jenis mitra '{jenis_text[:60]}' tidak dikenal: tulis salah satu kode atau nama jenis "
                       "mitra yang tercantum di halaman impor.")

    kab_text = _code(raw("kabkota"))
    kabkota = kab_text if kab_text in ref.kabkota else ref.kabkota_by_name.get(kab_text.lower(), "")
    if not kab_text:
        reasons.append("Kabupaten/kota mitra wajib diisi.")
    elif not kabkota:
        short = ref.kabkota_by_short.get(_KABKOTA_PREFIX.sub("", kab_text.lower()), [])
        if len(short) == 1:
            kabkota = short[0]
        elif short:
            reasons.append(f"Kabupaten/kota '{kab_text[:60]}' ambigu: tulis lengkap, mis. "
                           + " atau ".join(f"'{ref.kabkota[k]}'" for k in sorted(short)) + ", atau kodenya.")
        else:
            reasons.append(f"Kabupaten/kota '{kab_text[:60]}' tidak ditemukan dalam daftar wilayah Kemendagri.")

    urusan_text = _code(raw("urusan"))
    urusan = urusan_text if urusan_text in ref.urusan else ref.urusan_by_name.get(urusan_text.lower(), "")
    if not urusan_text:
        reasons.append("Urusan wajib diisi.")
    elif not urusan:
        reasons.append(f"Urusan '{urusan_text[:60]}' tidak ditemukan: tulis kode (mis. 1.01) atau nama urusan.")

    opd_text = _text(raw("opd"))
    opd_id = ref.opd_by_key.get(opd_text.lower()) if opd_text else None
    if opd_text and opd_id is None:
        reasons.append(f"OPD pelaksana '{opd_text[:60]}' tidak ditemukan: tulis singkatan atau nama perangkat "
                       "daerah.")

    dates: dict[str, date | None] = {}
    for key in ("tanggal_ttd", "mulai", "sampai"):
        dates[key], why = parse_date(raw(key), _label(cols[key]))
        if why:
            reasons.append(why)
    ttd, mulai, sampai = dates["tanggal_ttd"], dates["mulai"], dates["sampai"]
    if mulai and sampai and sampai < mulai:
        reasons.append(f"Berlaku sampai ({tanggal(sampai)}) lebih awal dari berlaku mulai ({tanggal(mulai)}).")
    if ttd and ttd > today:
        reasons.append(f"Tanggal ttd ({tanggal(ttd)}) belum terjadi: impor hanya untuk perjanjian yang sudah "
                       "ditandatangani.")

    monev_raw = raw("monev")
    monev_text = _text(monev_raw)
    monev = DEFAULT_MONTHS
    if monev_text:
        if not monev_text.isdigit() or not 1 <= int(monev_text) <= MAX_MONTHS:
            reasons.append(f"Periode monev '{monev_text[:20]}' harus bilangan bulat 1–{MAX_MONTHS} (bulan).")
        else:
            monev = int(monev_text)

    if reasons:
        return reasons
    assert ttd and mulai and sampai
    return ValidRow(number, texts["judul"], bentuk, texts["mitra"], jenis, kabkota, urusan, opd_id,
                    texts["nomor_daerah"], texts["nomor_mitra"], ttd, mulai, sampai, monev,
                    import_key(texts["nomor_daerah"], texts["nomor_mitra"]),
                    "BERAKHIR" if sampai < today else "BERLAKU")


def _check(s: Session, stored: StoredFile) -> ImportReport:
    from .agreement_jobs import local_today
    from .files import open_stored

    with open_stored(stored) as fh:
        data = fh.read(filetypes_limit())
    try:
        kind, rows = spreadsheet.read_table(data, MAX_ROWS + 1)
    except spreadsheet.SpreadsheetError as exc:
        raise ServiceError(exc.message, {"berkas": exc.message}) from None
    if not rows:
        raise ServiceError("Berkas kosong: tidak ada baris judul kolom maupun data.")
    (_, header), body = rows[0], rows[1:]
    where = _map_columns(header)
    if not body:
        raise ServiceError("Berkas tidak berisi baris data di bawah judul kolom.")
    if len(body) > MAX_ROWS:
        raise ServiceError(f"Berkas terlalu panjang: paling banyak {MAX_ROWS:,} baris data per impor. "
                           "Bagi menjadi beberapa berkas.".replace(",", "."))
    ref, today = _reference(s), local_today()
    report = ImportReport(stored.id or 0, stored.original_name, kind.code, stored.sha256)
    first_seen: dict[str, int] = {}
    for number, cells in body:
        result = _validate(number, cells, where, ref, today)
        if isinstance(result, list):
            report.bad.append(BadRow(number, result))
        elif result.key in ref.existing_keys:
            report.bad.append(BadRow(number, [
                "Sudah ada di register: perjanjian dengan nomor pihak daerah dan nomor pihak mitra yang sama "
                "sudah tercatat, jadi tidak diimpor lagi."]))
        elif result.key in first_seen:
            report.bad.append(BadRow(number, [
                f"Duplikat baris {first_seen[result.key]} dalam berkas ini: nomor pihak daerah dan nomor pihak "
                "mitra sama."]))
        else:
            first_seen[result.key] = number
            report.valid.append(result)
    return report


def filetypes_limit() -> int:
    """Read no more than the upload cap (a stored import file is never larger)."""
    from .files import max_upload_bytes

    return max_upload_bytes() + 1


def check(actor: CurrentUser | None, file_id: object, ip: str = "") -> ImportReport:
    """Read the admin's uploaded file and validate every row; nothing is written."""
    from .files import claim_file

    actor = _require_admin(actor, file_id, ip, "periksa impor register")
    with session_scope() as s:
        stored = claim_file(s, actor, file_id)
        return _check(s, stored)


def run_import(actor: CurrentUser | None, file_id: object, mode: str, ip: str = "") -> ImportResult:
    """Import the file's valid rows (``MODE_VALID``) or, with ``MODE_ALL_OR_NOTHING``, nothing at
    all when a row is bad. The file is read and validated again here."""
    actor = _require_admin(actor, file_id, ip, "impor register")
    if mode not in MODES:
        raise ServiceError("Pilih cara impor terlebih dahulu.", {"mode": "Pilih cara impor terlebih dahulu."})
    for _attempt in range(3):
        try:
            with session_scope() as s:
                return _import(s, actor, file_id, mode, ip)
        except (IntegrityError, OperationalError):
            # another import took some of these rows meanwhile (or held the database): check again
            time.sleep(0.05 * (_attempt + 1))
            continue
    raise ServiceError("Register sedang diubah oleh impor lain. Periksa berkas lagi, lalu coba impor ulang.")


def _import(s: Session, actor: CurrentUser, file_id: object, mode: str, ip: str) -> ImportResult:
    from .files import claim_file

    stored = claim_file(s, actor, file_id)
    report = _check(s, stored)
    where = f"berkas={stored.id} sha256={stored.sha256} mode={mode}"
    if mode == MODE_ALL_OR_NOTHING and report.bad:
        audit.record(s, "IMPOR_REGISTER_BATAL", actor.id, "storedfile", stored.id, ip,
                     f"{where} valid={len(report.valid)} bermasalah={len(report.bad)}")
        return ImportResult(0, len(report.bad), True,
                            f"Tidak ada yang diimpor: {len(report.bad)} baris bermasalah. Perbaiki berkasnya lalu "
                            "unggah lagi, atau pilih impor baris yang valid saja.", report)
    created: list[Agreement] = []
    for r in report.valid:
        ag = Agreement(source="IMPOR", import_key=r.key, judul=r.judul, bentuk=r.bentuk, mitra_nama=r.mitra,
                       mitra_jenis_kode=r.jenis, mitra_kabkota_kode=r.kabkota, urusan_kode=r.urusan,
                       opd_id=r.opd_id, nomor_daerah=r.nomor_daerah, nomor_mitra=r.nomor_mitra,
                       tanggal_ttd=r.tanggal_ttd, berlaku_mulai=r.mulai, berlaku_sampai=r.sampai,
                       status=r.status, monev_months=r.monev, created_by=actor.id)
        s.add(ag)
        created.append(ag)
    s.flush()  # the unique import_key refuses a row another import has just added
    for r, ag in zip(report.valid, created, strict=True):
        audit.record(s, "IMPOR_PERJANJIAN", actor.id, "agreement", ag.id, ip, f"baris {r.row} {where}")
    audit.record(s, "IMPOR_REGISTER", actor.id, "storedfile", stored.id, ip,
                 f"{where} diimpor={len(created)} dilewati={len(report.bad)}")
    if created:
        notify(s, set(admin_ids(s)) - {actor.id},
               f"{actor.nama} mengimpor {len(created)} perjanjian ke register dari {stored.original_name[:100]}.",
               "/register")
    message = f"{len(created)} perjanjian diimpor ke register."
    if report.bad:
        message += f" {len(report.bad)} baris bermasalah dilewati."
    return ImportResult(len(created), len(report.bad), False, message, report)


# --- the template ------------------------------------------------------------------------------


def _examples(real_dates: bool) -> list[list[object]]:
    def d(y: int, m: int, day: int) -> object:
        return date(y, m, day) if real_dates else f"{day:02d}-{m:02d}-{y}"

    return [
        ["Pengembangan Sistem Informasi Akademik Terpadu", "PKS", "Universitas Mulawarman", "PERGURUAN_TINGGI",
         "Kota Samarinda", "1.01", "DISDIKBUD", EXAMPLE_PREFIX + "100.3.7/012/HK-KS/2023",
         EXAMPLE_PREFIX + "123/UN17/HK/2023", d(2023, 3, 15), d(2023, 3, 15), d(2026, 3, 14), 6],
        ["Kesepakatan Bersama Pembangunan Wilayah Perbatasan", "KB", "Pemerintah Kabupaten Kutai Kartanegara",
         "Perangkat daerah di lingkungan Pemerintah Kota/Kabupaten lain", "64.02", "Pekerjaan Umum dan Penataan Ruang",
         "", EXAMPLE_PREFIX + "000.1/045/KS/2022", EXAMPLE_PREFIX + "180/27/HK/2022", d(2022, 8, 1), d(2022, 8, 1),
         d(2027, 7, 31), 12],
    ]


def template_csv() -> bytes:
    return spreadsheet.write_csv([c.header for c in columns()],
                                 [[str(v) for v in row] for row in _examples(False)])


def template_xlsx() -> bytes:
    guide: list[list[object]] = [["kolom", "wajib", "isi yang diterima"]]
    guide += [[c.header, "ya" if c.required else "tidak", c.accepts] for c in columns()]
    guide += [[], ["Baris contoh (nomor berawalan CONTOH/) ditolak saat impor: ganti dengan data sebenarnya."]]
    return spreadsheet.write_xlsx(
        [("Register", [[c.header for c in columns()], *_examples(True)]), ("Petunjuk", guide)],
        {"Register": [40, 8, 34, 24, 22, 12, 16, 28, 28, 14, 14, 14, 14], "Petunjuk": [24, 8, 100]},
    )


def describe_file(kind: str) -> str:
    return {filetypes.XLSX.code: "XLSX (Excel)", filetypes.CSV.code: "CSV"}.get(kind, kind)
