"""Rules of the signing schedule and the signing record (DESIGN §4 Penjadwalan, Penandatanganan)."""

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

METHOD_LABELS = {"MEJA": "Meja ke meja", "TATAP_MUKA": "Tatap muka"}
PROPOSAL_LABELS = {"TERBUKA": "Menunggu jawaban", "DITERIMA": "Disepakati", "DIREVISI": "Diganti usulan baru",
                   "DITOLAK": "Ditolak – beralih ke meja ke meja"}
MAX_YEARS_WITHOUT_CONFIRMATION = 5


def parse_date(value: str) -> date | None:
    """ISO (from a date input) or DD-MM-YYYY; None when it is not a real date."""
    v = (value or "").strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(v, fmt).date()
        except ValueError:
            continue
    return None


def parse_time(value: str) -> time | None:
    try:
        return datetime.strptime((value or "").strip(), "%H:%M").time()
    except ValueError:
        return None


@dataclass(frozen=True)
class ScheduleInput:
    errors: dict[str, str]
    starts_at_utc: datetime | None


def check_schedule(day: str, at: str, place: str, now_utc: datetime, tz: str) -> ScheduleInput:
    """A proposed date and time in the region's zone: a real date, not in the past, a place."""
    errors: dict[str, str] = {}
    d, t = parse_date(day), parse_time(at)
    if d is None:
        errors["tanggal"] = "Tanggal tidak valid (contoh: 2026-12-15)."
    if t is None:
        errors["jam"] = "Jam tidak valid (contoh: 09:30)."
    if not (place or "").strip():
        errors["tempat"] = "Tempat penandatanganan wajib diisi."
    elif len(place) > 300:
        errors["tempat"] = "Tempat paling banyak 300 karakter."
    starts = None
    if d and t:
        starts = datetime.combine(d, t, tzinfo=ZoneInfo(tz)).astimezone(ZoneInfo("UTC"))
        if starts <= now_utc:
            errors["tanggal"] = "Jadwal tidak boleh di masa lalu."
    return ScheduleInput(errors, starts if not errors else None)


def years_between(start: date, end: date) -> float:
    return (end - start).days / 365.25


def check_validity(ttd: date | None, start: date | None, end: date | None, today: date,
                   confirm_long: bool) -> dict[str, str]:
    errors: dict[str, str] = {}
    if ttd is None:
        errors["tanggal_ttd"] = "Tanggal penandatanganan tidak valid."
    elif ttd > today:
        errors["tanggal_ttd"] = "Tanggal penandatanganan tidak boleh setelah hari ini."
    if start is None:
        errors["berlaku_mulai"] = "Tanggal mulai berlaku tidak valid."
    if end is None:
        errors["berlaku_sampai"] = "Tanggal akhir berlaku tidak valid."
    if start and end and end <= start:
        errors["berlaku_sampai"] = "Tanggal akhir harus setelah tanggal mulai."
    elif start and end and years_between(start, end) > MAX_YEARS_WITHOUT_CONFIRMATION and not confirm_long:
        errors["berlaku_sampai"] = ("Masa berlaku lebih dari 5 tahun. Periksa kembali, lalu centang konfirmasi "
                                    "bila memang demikian.")
    return errors
