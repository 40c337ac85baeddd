"""Statistik & Data: aggregates, the public register and the staff list of applications (DESIGN §5).

Every chart is one SQL ``GROUP BY`` over the selected columns; only the aggregated figures leave
this module for the charts, never the rows. The public sees the aggregates and the public register
of signed agreements (title, parties, urusan, dates, status: no person appears in it); staff
(Admin and TKKSD) may also list every submitted application.

One filter serves the charts, the table, the exports and the open-data routes:

* ``tahun_dari``/``tahun_sampai``: the year the agreement was signed (applications: submitted);
* ``jenis``: the kind of partner (``mitra_jenis_kode``; applications: the institution's kind);
* ``urusan``: the government affair;
* ``status``: where the cooperation is in its life. The three register statuses (BERLAKU, BERAKHIR,
  DICABUT) and three that only applications have (PROSES = not signed yet, DITOLAK, DIBATALKAN).
  An application in Pelaksanaan counts as BERLAKU.
* ``cari`` (table and exports only): words in the title or the partner's name.
"""

import math
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, extract, false, func, or_
from sqlmodel import Session, select

from ..config import get_settings
from ..db import session_scope
from ..domain.jenis_pemohon import JENIS_KODES, jenis_pemohon_list
from ..domain.reference_files import read_csv, urusan_choices
from ..domain.roles import Role
from ..domain.stages import SHORT_LABELS, Status
from ..models import Agreement, Application, ApplicationEvent, Instansi
from .auth import CurrentUser
from .errors import Forbidden

PAGE_SIZE = 20
TOP_N = 10
EXPIRY_DAYS = 90
MIN_YEAR, MAX_YEAR = 1945, 2100
MAX_SEARCH = 100

AGREEMENT_STATUSES = ("BERLAKU", "BERAKHIR", "DICABUT")
AGREEMENT_STATUS_LABELS = {"BERLAKU": "Berlaku", "BERAKHIR": "Berakhir", "DICABUT": "Dicabut"}
# The status filter: value -> (label, application statuses it stands for).
_PROSES = (Status.DIAJUKAN, Status.DIKEMBALIKAN, Status.PENAWARAN, Status.KESEPAKATAN_BERSAMA,
           Status.PERJANJIAN_KERJA_SAMA, Status.PENJADWALAN, Status.PENANDATANGANAN)
STATUS_FILTERS: dict[str, tuple[str, tuple[Status, ...]]] = {
    "BERLAKU": ("Berlaku (pelaksanaan)", (Status.PELAKSANAAN,)),
    "BERAKHIR": ("Berakhir", (Status.BERAKHIR,)),
    "DICABUT": ("Dicabut", (Status.DICABUT,)),
    "PROSES": ("Dalam proses (belum ditandatangani)", _PROSES),
    "DITOLAK": ("Ditolak", (Status.DITOLAK,)),
    "DIBATALKAN": ("Dibatalkan oleh pemohon", (Status.DIBATALKAN,)),
}
# Stages whose length "average days per stage" reports, in the order of the process.
MEASURED_STAGES: tuple[Status, ...] = _PROSES
# Applications that count in the statistics: everything submitted (a draft is private work).
COUNTED_STATUSES: tuple[Status, ...] = tuple(s for s in Status if s != Status.DRAFT)
EXPIRY_BUCKETS = ((0, 30, "0–30 hari"), (31, 60, "31–60 hari"), (61, 90, "61–90 hari"))


# ---------------------------------------------------------------- the filter

def _year(raw: object) -> int | None:
    text = str(raw or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) != 4:
        return None
    year = int(text)
    return year if MIN_YEAR <= year <= MAX_YEAR else None


@dataclass(frozen=True)
class Filter:
    tahun_dari: int | None = None
    tahun_sampai: int | None = None
    jenis: str = ""
    urusan: str = ""
    status: str = ""
    cari: str = ""

    @classmethod
    def parse(cls, params: Mapping[str, object]) -> "Filter":
        """From untrusted input (a query string, a browser event): unknown values are dropped."""
        dari, sampai = _year(params.get("tahun_dari")), _year(params.get("tahun_sampai"))
        if dari and sampai and dari > sampai:
            dari, sampai = sampai, dari
        jenis = str(params.get("jenis") or "")
        urusan = str(params.get("urusan") or "")
        status = str(params.get("status") or "")
        cari = " ".join(str(params.get("cari") or "").split())[:MAX_SEARCH]
        return cls(
            tahun_dari=dari, tahun_sampai=sampai,
            jenis=jenis if jenis in JENIS_KODES else "",
            urusan=urusan if urusan in urusan_names() else "",
            status=status if status in STATUS_FILTERS else "",
            cari=cari,
        )

    def query(self) -> dict[str, str]:
        """The non-empty fields as query-string parameters (for export links)."""
        return {k: str(v) for k, v in asdict(self).items() if v not in (None, "")}

    def without_search(self) -> "Filter":
        return Filter(self.tahun_dari, self.tahun_sampai, self.jenis, self.urusan, self.status)


# ---------------------------------------------------------------- labels

@cache
def urusan_names() -> dict[str, str]:
    return {k: n for k, n, _ in urusan_choices()}


@cache
def kabkota_names() -> dict[str, str]:
    return {r["code"]: r["name"] for r in read_csv("wilayah", "regencies.csv")}


def short_kabkota(name: str) -> str:
    return name.replace("Kabupaten ", "Kab. ")


def jenis_labels() -> dict[str, str]:
    s = get_settings()
    return {j.kode: j.label for j in jenis_pemohon_list(s.region_name, s.province_name)}


def jenis_short_labels() -> dict[str, str]:
    """Short enough for a chart axis on a phone; the full label goes to the hover text."""
    s = get_settings()
    return {
        "PD_DAERAH": f"PD {s.region_name}", "PD_PROVINSI": "PD provinsi", "PD_LAIN": "PD kab/kota lain",
        "PERGURUAN_TINGGI": "Perguruan tinggi", "ORNOP": "Ornop", "LEMBAGA": "Lembaga/yayasan",
        "BADAN_HUKUM_PUBLIK": "Badan hukum publik", "PERUSAHAAN": "Perusahaan",
    }


def pihak_daerah() -> str:
    return f"Pemerintah {get_settings().region_name}"


def today_local() -> date:
    return datetime.now(ZoneInfo(get_settings().timezone)).date()


# ---------------------------------------------------------------- who sees what

def is_staff(actor: CurrentUser | None) -> bool:
    return actor is not None and actor.role in (Role.ADMIN, Role.TKKSD)


def _require_staff(actor: CurrentUser | None) -> None:
    if not is_staff(actor):
        raise Forbidden()


# ---------------------------------------------------------------- conditions

def _agreement_conditions(f: Filter, search: bool = False) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if f.tahun_dari:
        conds.append(Agreement.tanggal_ttd >= date(f.tahun_dari, 1, 1))
    if f.tahun_sampai:
        conds.append(Agreement.tanggal_ttd < date(f.tahun_sampai + 1, 1, 1))
    if f.jenis:
        conds.append(Agreement.mitra_jenis_kode == f.jenis)
    if f.urusan:
        conds.append(Agreement.urusan_kode == f.urusan)
    if f.status:
        conds.append(Agreement.status == f.status if f.status in AGREEMENT_STATUSES else false())
    if search and f.cari:
        conds.extend(or_(func.lower(Agreement.judul).contains(w, autoescape=True),
                         func.lower(Agreement.mitra_nama).contains(w, autoescape=True))
                     for w in f.cari.lower().split())
    return conds


def _utc_year_start(year: int) -> datetime:
    return datetime(year, 1, 1, tzinfo=ZoneInfo("UTC"))


def _application_conditions(f: Filter, search: bool = False) -> tuple[list[ColumnElement[bool]], bool]:
    """Conditions on Application (and Instansi); the flag says whether Instansi must be joined."""
    conds: list[ColumnElement[bool]] = []
    need_instansi = False
    statuses = STATUS_FILTERS[f.status][1] if f.status else COUNTED_STATUSES
    conds.append(Application.status.in_([s.value for s in statuses]))  # type: ignore[attr-defined]
    if f.tahun_dari:
        conds.append(Application.submitted_at >= _utc_year_start(f.tahun_dari))  # type: ignore[operator]
    if f.tahun_sampai:
        conds.append(Application.submitted_at < _utc_year_start(f.tahun_sampai + 1))  # type: ignore[operator]
    if f.jenis:
        conds.append(Instansi.jenis_kode == f.jenis)
        need_instansi = True
    if f.urusan:
        conds.append(Application.urusan_kode == f.urusan)
    if search and f.cari:
        need_instansi = True
        conds.extend(or_(func.lower(Application.judul).contains(w, autoescape=True),
                         func.lower(Application.code).contains(w, autoescape=True),
                         func.lower(Instansi.nama).contains(w, autoescape=True))
                     for w in f.cari.lower().split())
    return conds, need_instansi


def _app_select(s_cols, f: Filter, search: bool = False):  # noqa: ANN001, ANN202 - SQLAlchemy select
    conds, need_instansi = _application_conditions(f, search)
    q = select(*s_cols).select_from(Application)
    if need_instansi:
        q = q.join(Instansi, Instansi.id == Application.instansi_id)
    return q.where(*conds)


# ---------------------------------------------------------------- the charts

@dataclass
class Bar:
    """One bar of a chart: a key, its axis label, the full label for hover text, the value."""

    key: str
    label: str
    full: str
    value: float
    n: int = 0  # how many observations an average rests on


@dataclass
class YearRow:
    year: int
    counts: dict[str, int]  # agreement status -> number

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def per_tahun(s: Session, f: Filter) -> list[YearRow]:
    """Agreements per year of signing, split by register status; years without any are filled in."""
    year = extract("year", Agreement.tanggal_ttd)
    rows = s.exec(select(year, Agreement.status, func.count()).where(*_agreement_conditions(f))
                  .group_by(year, Agreement.status)).all()
    by_year: dict[int, dict[str, int]] = {}
    for y, status, n in rows:
        by_year.setdefault(int(y), dict.fromkeys(AGREEMENT_STATUSES, 0))[status] = int(n)
    if not by_year:
        return []
    first = f.tahun_dari or min(by_year)
    last = f.tahun_sampai or max(by_year)
    first, last = min(first, min(by_year)), max(last, max(by_year))
    return [YearRow(y, by_year.get(y, dict.fromkeys(AGREEMENT_STATUSES, 0))) for y in range(first, last + 1)]


def per_tahap(s: Session, f: Filter) -> list[Bar]:
    """Submitted applications per stage (the status of each application), in the order of the process."""
    rows = dict(s.exec(_app_select((Application.status, func.count()), f).group_by(Application.status)).all())
    return [Bar(st.value, SHORT_LABELS[st], SHORT_LABELS[st], int(rows[st.value]))
            for st in COUNTED_STATUSES if rows.get(st.value)]


def _grouped(s: Session, col, f: Filter) -> list[tuple[str | None, int]]:  # noqa: ANN001 - a column
    q = select(col, func.count()).where(*_agreement_conditions(f)).group_by(col)
    return [(k, int(n)) for k, n in s.exec(q).all()]


def per_jenis(s: Session, f: Filter) -> list[Bar]:
    """Agreements per kind of partner, largest first."""
    short, full = jenis_short_labels(), jenis_labels()
    rows = sorted(_grouped(s, Agreement.mitra_jenis_kode, f), key=lambda r: (-r[1], r[0] or ""))
    return [Bar(k or "", short.get(k or "", k or "–"), full.get(k or "", k or "–"), n) for k, n in rows]


def _top(rows: list[tuple[str | None, int]], labels: Mapping[str, str], top: int,
         short=lambda x: x) -> list[Bar]:  # noqa: ANN001
    rows = sorted(rows, key=lambda r: (-r[1], r[0] or ""))
    bars = [Bar(k or "", short(labels.get(k or "", "Tidak diketahui")), labels.get(k or "", "Tidak diketahui"), n)
            for k, n in rows[:top]]
    rest = sum(n for _, n in rows[top:])
    if rest:
        bars.append(Bar("LAINNYA", f"{len(rows) - top} lainnya", f"{len(rows) - top} lainnya", rest))
    return bars


def per_urusan(s: Session, f: Filter, top: int = TOP_N) -> list[Bar]:
    """Agreements per urusan: the ``top`` largest, the rest summed as Lainnya."""
    names = urusan_names()
    return _top(_grouped(s, Agreement.urusan_kode, f), names, top,
                short=lambda x: x if len(x) <= 24 else x[:22].rstrip(" ,") + "…")


def per_kabkota(s: Session, f: Filter, top: int = TOP_N) -> list[Bar]:
    """Agreements per kabupaten/kota of the partner: the ``top`` largest, the rest as Lainnya."""
    return _top(_grouped(s, Agreement.mitra_kabkota_kode, f), kabkota_names(), top, short=short_kabkota)


def akan_berakhir(s: Session, f: Filter, today: date | None = None) -> list[Bar]:
    """Agreements in force whose validity ends in the next 90 days, in 30-day buckets."""
    today = today or today_local()
    conds = [*_agreement_conditions(f), Agreement.status == "BERLAKU",
             Agreement.berlaku_sampai >= today, Agreement.berlaku_sampai <= today + timedelta(days=EXPIRY_DAYS)]
    rows = s.exec(select(Agreement.berlaku_sampai, func.count()).where(*conds)
                  .group_by(Agreement.berlaku_sampai)).all()
    counts = [0] * len(EXPIRY_BUCKETS)
    for until, n in rows:
        days = (until - today).days
        for i, (lo, hi, _) in enumerate(EXPIRY_BUCKETS):
            if lo <= days <= hi:
                counts[i] += int(n)
    return [Bar(str(hi), label, f"berakhir dalam {label}", c) for (_, hi, label), c in zip(EXPIRY_BUCKETS, counts,
                                                                                           strict=True)]


def _days_between(s: Session, start, end):  # noqa: ANN001, ANN202 - SQL expressions
    if s.get_bind().dialect.name == "sqlite":
        return func.julianday(end) - func.julianday(start)
    return extract("epoch", end - start) / 86400.0


def rata_hari_tahap(s: Session, f: Filter) -> list[Bar]:
    """Average days an application stayed in each stage it has left.

    The stay in a stage runs from the event that entered it to the application's next status
    event (events are written in time order, so their ids order them). Stays still running are
    not counted. Applications are chosen by the same filter as the other charts.
    """
    app_ids = _app_select((Application.id,), f)
    nxt = func.lead(ApplicationEvent.at).over(partition_by=ApplicationEvent.application_id,
                                              order_by=ApplicationEvent.id)
    stays = (select(ApplicationEvent.to_status.label("stage"), ApplicationEvent.at.label("t0"), nxt.label("t1"))
             .where(ApplicationEvent.to_status != "",
                    ApplicationEvent.application_id.in_(app_ids))  # type: ignore[attr-defined]
             .subquery())
    days = _days_between(s, stays.c.t0, stays.c.t1)
    rows = s.exec(select(stays.c.stage, func.avg(days), func.count())
                  .where(stays.c.t1.is_not(None),
                         stays.c.stage.in_([st.value for st in MEASURED_STAGES]))
                  .group_by(stays.c.stage)).all()
    by_stage = {k: (float(avg or 0), int(n)) for k, avg, n in rows}
    return [Bar(st.value, SHORT_LABELS[st], SHORT_LABELS[st], round(by_stage[st.value][0], 1), by_stage[st.value][1])
            for st in MEASURED_STAGES if st.value in by_stage]


@dataclass
class Aggregates:
    filter: Filter
    per_tahun: list[YearRow] = field(default_factory=list)
    per_tahap: list[Bar] = field(default_factory=list)
    per_jenis: list[Bar] = field(default_factory=list)
    per_urusan: list[Bar] = field(default_factory=list)
    per_kabkota: list[Bar] = field(default_factory=list)
    akan_berakhir: list[Bar] = field(default_factory=list)
    rata_hari: list[Bar] = field(default_factory=list)

    @property
    def jumlah_kerja_sama(self) -> int:
        return sum(r.total for r in self.per_tahun)

    @property
    def jumlah_berlaku(self) -> int:
        return sum(r.counts.get("BERLAKU", 0) for r in self.per_tahun)

    @property
    def jumlah_proses(self) -> int:
        return sum(int(b.value) for b in self.per_tahap if b.key in {st.value for st in _PROSES})

    @property
    def jumlah_akan_berakhir(self) -> int:
        return sum(int(b.value) for b in self.akan_berakhir)


CHARTS = ("per_tahun", "per_tahap", "per_jenis", "per_urusan", "per_kabkota", "akan_berakhir", "rata_hari")
_CHART_FUNCS = {"per_tahun": per_tahun, "per_tahap": per_tahap, "per_jenis": per_jenis, "per_urusan": per_urusan,
                "per_kabkota": per_kabkota, "akan_berakhir": akan_berakhir, "rata_hari": rata_hari_tahap}


def chart(name: str, f: Filter) -> list:
    """One chart's figures (the benchmark times them one by one)."""
    with session_scope() as s:
        return _CHART_FUNCS[name](s, f)


# "Average days per stage" reads every status event, the one costly chart. Events are append-only and
# every stage change writes one, so its result is kept per filter until a new event appears (or for
# CACHE_SECONDS at most: an institution's kind or an application's urusan may still be edited).
CACHE_SECONDS = 300.0
_CACHE_MAX = 256
_stay_cache: dict[tuple[Filter, int], tuple[float, list[Bar]]] = {}
_cache_lock = threading.Lock()


def _cached_stays(s: Session, f: Filter) -> list[Bar]:
    key = (f, int(s.exec(select(func.coalesce(func.max(ApplicationEvent.id), 0))).one()))
    now = time.monotonic()
    with _cache_lock:
        hit = _stay_cache.get(key)
    if hit and now - hit[0] < CACHE_SECONDS:
        return [Bar(**asdict(b)) for b in hit[1]]
    bars = rata_hari_tahap(s, f)
    with _cache_lock:
        if len(_stay_cache) >= _CACHE_MAX:
            for old in sorted(_stay_cache, key=lambda k: _stay_cache[k][0])[: _CACHE_MAX // 4]:
                del _stay_cache[old]
        _stay_cache[key] = (now, bars)
    return [Bar(**asdict(b)) for b in bars]


def clear_cache() -> None:
    with _cache_lock:
        _stay_cache.clear()


def aggregates(actor: CurrentUser | None, f: Filter, top: int = TOP_N) -> Aggregates:
    """Every chart for this filter. The figures are aggregates: the same for the public and staff."""
    del actor  # aggregates hold no personal data; everyone may see them
    f = f.without_search()
    with session_scope() as s:
        return Aggregates(
            filter=f, per_tahun=per_tahun(s, f), per_tahap=per_tahap(s, f), per_jenis=per_jenis(s, f),
            per_urusan=per_urusan(s, f, top), per_kabkota=per_kabkota(s, f, top),
            akan_berakhir=akan_berakhir(s, f), rata_hari=_cached_stays(s, f),
        )


def year_bounds() -> tuple[int, int]:
    """The first and last year with any agreement or submitted application (for the year choices)."""
    this_year = today_local().year
    with session_scope() as s:
        lo_a, hi_a = s.exec(select(func.min(Agreement.tanggal_ttd), func.max(Agreement.tanggal_ttd))).one()
        lo_p, hi_p = s.exec(select(func.min(Application.submitted_at), func.max(Application.submitted_at))).one()
    years = [d.year for d in (lo_a, hi_a, lo_p, hi_p) if d is not None]
    return (min(years), max(*years, this_year)) if years else (this_year, this_year)


# ---------------------------------------------------------------- the tables

@dataclass
class RegisterRow:
    """One entry of the public register. Institutions only: no person is named here."""

    id: int
    judul: str
    bentuk: str
    pihak_daerah: str
    mitra_nama: str
    mitra_jenis_kode: str
    mitra_jenis: str
    mitra_kabkota_kode: str
    mitra_kabkota: str
    urusan_kode: str
    urusan: str
    tanggal_ttd: date
    berlaku_mulai: date
    berlaku_sampai: date
    status: str
    status_label: str


REGISTER_COLUMNS = (Agreement.id, Agreement.judul, Agreement.bentuk, Agreement.mitra_nama,
                    Agreement.mitra_jenis_kode, Agreement.mitra_kabkota_kode, Agreement.urusan_kode,
                    Agreement.tanggal_ttd, Agreement.berlaku_mulai, Agreement.berlaku_sampai, Agreement.status)


def _register_rows(raw) -> list[RegisterRow]:  # noqa: ANN001 - result rows
    jenis, kab, urusan, pihak = jenis_labels(), kabkota_names(), urusan_names(), pihak_daerah()
    return [RegisterRow(
        id=r[0], judul=r[1], bentuk=r[2], pihak_daerah=pihak, mitra_nama=r[3], mitra_jenis_kode=r[4],
        mitra_jenis=jenis.get(r[4], r[4]), mitra_kabkota_kode=r[5] or "", mitra_kabkota=kab.get(r[5] or "", ""),
        urusan_kode=r[6], urusan=urusan.get(r[6], r[6]), tanggal_ttd=r[7], berlaku_mulai=r[8],
        berlaku_sampai=r[9], status=r[10], status_label=AGREEMENT_STATUS_LABELS.get(r[10], r[10]),
    ) for r in raw]


def _register_query(f: Filter):  # noqa: ANN202
    return (select(*REGISTER_COLUMNS).where(*_agreement_conditions(f, search=True))
            .order_by(Agreement.tanggal_ttd.desc(), Agreement.id.desc()))  # type: ignore[attr-defined]


def register_count(f: Filter) -> int:
    with session_scope() as s:
        return int(s.exec(select(func.count()).select_from(Agreement)
                          .where(*_agreement_conditions(f, search=True))).one())


def register_slice(f: Filter, offset: int, limit: int) -> tuple[list[RegisterRow], int]:
    """Rows ``offset``..``offset+limit`` of the filtered register (newest signing first), and the total."""
    with session_scope() as s:
        total = int(s.exec(select(func.count()).select_from(Agreement)
                           .where(*_agreement_conditions(f, search=True))).one())
        raw = s.exec(_register_query(f).offset(max(offset, 0)).limit(max(limit, 0))).all()
        return _register_rows(raw), total


def iter_register(f: Filter, chunk: int = 5000) -> Iterator[RegisterRow]:
    """Every row of the filtered register, in table order, read in chunks (for exports)."""
    with session_scope() as s:
        result = s.exec(_register_query(f).execution_options(yield_per=chunk))
        for part in result.partitions(chunk):
            yield from _register_rows(part)


@dataclass
class ApplicationRow:
    """One submitted application for staff: institution-level data only."""

    id: int
    code: str
    judul: str
    instansi: str
    jenis: str
    urusan: str
    status: str
    status_label: str
    submitted_at: datetime | None
    status_changed_at: datetime


def _application_query(f: Filter):  # noqa: ANN202
    conds, _ = _application_conditions(f, search=True)
    return (select(Application.id, Application.code, Application.judul, Instansi.nama, Instansi.jenis_kode,
                   Application.urusan_kode, Application.status, Application.submitted_at,
                   Application.status_changed_at)
            .join(Instansi, Instansi.id == Application.instansi_id).where(*conds)
            .order_by(Application.status_changed_at.desc(), Application.id.desc()))  # type: ignore[attr-defined]


def _application_rows(raw) -> list[ApplicationRow]:  # noqa: ANN001
    jenis, urusan = jenis_short_labels(), urusan_names()
    return [ApplicationRow(id=r[0], code=r[1] or "", judul=r[2], instansi=r[3], jenis=jenis.get(r[4], r[4]),
                           urusan=urusan.get(r[5], r[5]), status=r[6], status_label=SHORT_LABELS[Status(r[6])],
                           submitted_at=r[7], status_changed_at=r[8]) for r in raw]


def applications_slice(actor: CurrentUser | None, f: Filter, offset: int, limit: int
                       ) -> tuple[list[ApplicationRow], int]:
    """Staff only: every submitted application matching the filter, latest change first."""
    _require_staff(actor)
    with session_scope() as s:
        q = _application_query(f)
        total = int(s.exec(select(func.count()).select_from(q.order_by(None).subquery())).one())
        return _application_rows(s.exec(q.offset(max(offset, 0)).limit(max(limit, 0))).all()), total


def iter_applications(actor: CurrentUser | None, f: Filter, chunk: int = 5000) -> Iterator[ApplicationRow]:
    _require_staff(actor)
    with session_scope() as s:
        for part in s.exec(_application_query(f).execution_options(yield_per=chunk)).partitions(chunk):
            yield from _application_rows(part)


TABLES = ("register", "permohonan")


def table_page(actor: CurrentUser | None, f: Filter, tabel: str, page: int, size: int = PAGE_SIZE
               ) -> tuple[list[RegisterRow] | list[ApplicationRow], int]:
    """One page of the Statistik table: the register for anyone, applications for staff only."""
    page = max(1, page)
    if tabel == "permohonan":
        return applications_slice(actor, f, (page - 1) * size, size)
    return register_slice(f, (page - 1) * size, size)


def pages(total: int, size: int = PAGE_SIZE) -> int:
    return max(1, math.ceil(total / size))
