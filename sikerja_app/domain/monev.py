"""Monitoring and evaluation (monev) of agreements (DESIGN §4 "Pelaksanaan and Pelaporan"). Plain Python.

Reporting periods run from the agreement's start date every ``monev_months`` months until its
end date; the last one is cut at the end date. A report is due on the last day of its period.
Both the applicant (PPKSD) and the OPD pelaksana file one report per period; an admin evaluates
each on the fixed criteria below, gives an overall score and a recommendation.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

DEFAULT_MONTHS = 6
MAX_MONTHS = 60  # the longest reporting period (five years) the register accepts
MAX_TEXT = 8000  # characters per report field
MAX_NOTE = 4000
MAX_EVIDENCE = 10


class Side(StrEnum):
    PEMOHON = "PEMOHON"
    OPD = "OPD"


SIDE_LABELS = {Side.PEMOHON: "Pemohon (mitra)", Side.OPD: "OPD pelaksana"}


# --- the evaluation -------------------------------------------------------------------------

# The ten fixed criteria of DESIGN §4, in the order the admin scores them.
CRITERIA: tuple[tuple[str, str], ...] = (
    ("KESESUAIAN_TUJUAN", "Kesesuaian dengan maksud dan tujuan kerja sama"),
    ("KETEPATAN_WAKTU", "Ketepatan waktu pelaksanaan"),
    ("KONTRIBUSI_MITRA", "Kontribusi mitra"),
    ("KOORDINASI", "Koordinasi para pihak"),
    ("CAPAIAN_INDIKATOR", "Capaian indikator"),
    ("DAMPAK", "Dampak"),
    ("INOVASI_MANFAAT", "Inovasi dan manfaat"),
    ("KELENGKAPAN_DOKUMEN", "Kelengkapan dokumen"),
    ("KETERATURAN_PELAPORAN", "Keteraturan pelaporan"),
    ("RELEVANSI_KEBUTUHAN", "Relevansi dengan kebutuhan"),
)
CRITERIA_LABELS = dict(CRITERIA)

# Each criterion is scored on this short scale.
SCALE: tuple[tuple[int, str], ...] = ((1, "Kurang"), (2, "Cukup"), (3, "Baik"), (4, "Sangat baik"))
SCALE_LABELS = dict(SCALE)

# The overall score.
OVERALL: tuple[tuple[int, str], ...] = (
    (1, "Sangat kurang"), (2, "Kurang"), (3, "Cukup"), (4, "Baik"), (5, "Sangat baik"),
)
OVERALL_LABELS = dict(OVERALL)


class Recommendation(StrEnum):
    LANJUTKAN = "LANJUTKAN"
    PERLUAS = "PERLUAS"
    HENTIKAN = "HENTIKAN"


RECOMMENDATION_LABELS = {Recommendation.LANJUTKAN: "Lanjutkan", Recommendation.PERLUAS: "Perluas",
                         Recommendation.HENTIKAN: "Hentikan"}

MSG_SCORE_MISSING = "Beri nilai untuk kriteria ini."
MSG_SCORE_RANGE = "Nilai harus 1 sampai 4."
MSG_OVERALL = "Pilih nilai keseluruhan 1 sampai 5."
MSG_RECOMMENDATION = "Pilih rekomendasi: lanjutkan, perluas atau hentikan."
MSG_NOTE = "Tulis catatan evaluasi."
MSG_UNKNOWN_CRITERION = "Kriteria tidak dikenal."


def _as_int(value: object) -> int | None:
    """An integer from an int or a string of digits; anything else (bools, floats, junk) is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 3:
        return int(value.strip())
    return None


@dataclass(frozen=True)
class Evaluation:
    scores: dict[str, int]
    overall: int
    recommendation: str
    note: str


def validate_evaluation(scores: object, overall: object, recommendation: object,
                        note: object) -> tuple[Evaluation | None, dict[str, str]]:
    """Every criterion scored 1–4, an overall 1–5, a known recommendation and a note.

    Returns the clean evaluation, or None and field errors (keys: the criterion keys,
    ``overall``, ``recommendation``, ``note``).
    """
    errors: dict[str, str] = {}
    given = scores if isinstance(scores, dict) else {}
    clean: dict[str, int] = {}
    for key in given:
        if key not in CRITERIA_LABELS:
            errors["kriteria"] = MSG_UNKNOWN_CRITERION
    for key, _label in CRITERIA:
        raw = given.get(key)
        if raw is None or raw == "":
            errors[key] = MSG_SCORE_MISSING
            continue
        value = _as_int(raw)
        if value is None or value not in SCALE_LABELS:
            errors[key] = MSG_SCORE_RANGE
            continue
        clean[key] = value
    total = _as_int(overall)
    if total is None or total not in OVERALL_LABELS:
        errors["overall"] = MSG_OVERALL
    rec = recommendation if isinstance(recommendation, str) else ""
    if rec not in {r.value for r in Recommendation}:
        errors["recommendation"] = MSG_RECOMMENDATION
    text = note.strip() if isinstance(note, str) else ""
    if not text:
        errors["note"] = MSG_NOTE
    elif len(text) > MAX_NOTE:
        errors["note"] = f"Catatan paling panjang {MAX_NOTE} karakter."
    if errors:
        return None, errors
    return Evaluation(clean, total or 0, rec, text), {}


# --- the report ---------------------------------------------------------------------------

REPORT_FIELDS: tuple[tuple[str, str], ...] = (
    ("progress", "Kemajuan pelaksanaan"),
    ("outputs", "Keluaran (output) yang dicapai"),
    ("problems", "Permasalahan yang dihadapi"),
    ("follow_up", "Rencana tindak lanjut"),
)
REPORT_LABELS = dict(REPORT_FIELDS)
MSG_EVIDENCE = "Lampirkan sedikitnya satu berkas bukti dukung."


def validate_report(fields: dict[str, object], evidence_count: int) -> tuple[dict[str, str], dict[str, str]]:
    """The four narrative fields are required (``Tidak ada`` is an answer); at least one evidence file.

    Returns (clean texts, field errors).
    """
    clean: dict[str, str] = {}
    errors: dict[str, str] = {}
    for key, label in REPORT_FIELDS:
        raw = fields.get(key)
        text = raw.strip() if isinstance(raw, str) else ""
        if not text:
            errors[key] = f"{label} wajib diisi."
        elif len(text) > MAX_TEXT:
            errors[key] = f"{label} paling panjang {MAX_TEXT} karakter."
        else:
            clean[key] = text
    if evidence_count < 1:
        errors["evidence"] = MSG_EVIDENCE
    elif evidence_count > MAX_EVIDENCE:
        errors["evidence"] = f"Paling banyak {MAX_EVIDENCE} berkas bukti per laporan."
    return clean, errors


# --- periods ------------------------------------------------------------------------------


def add_months(start: date, months: int) -> date:
    """``start`` plus whole months; the day is clamped to the month's length (31 Jan + 1 = 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Period:
    no: int  # 1 = the first period after the start date
    start: date
    end: date

    @property
    def due(self) -> date:
        """The report is due on the period's last day."""
        return self.end


def periods(start: date, end: date, months: int = DEFAULT_MONTHS) -> list[Period]:
    """The reporting periods of an agreement valid from ``start`` to ``end`` (both inclusive).

    Each period is counted from the start date (never from the previous period's end, so
    a short February does not shift the later ones); the last is cut at ``end``.
    """
    if not 1 <= months <= MAX_MONTHS:
        raise ValueError(f"monev_months harus 1 sampai {MAX_MONTHS}")
    out: list[Period] = []
    n = 1
    while True:
        p_start = add_months(start, (n - 1) * months)
        if p_start > end:
            return out
        p_end = min(add_months(start, n * months) - timedelta(days=1), end)
        out.append(Period(n, p_start, p_end))
        n += 1


def months_or_default(months: int | None) -> int:
    """An agreement's reporting interval, or the default when it is missing or out of range."""
    return months if isinstance(months, int) and 1 <= months <= MAX_MONTHS else DEFAULT_MONTHS


def is_open(p: Period, today: date) -> bool:
    """A report may be filed once its period has begun."""
    return today >= p.start


def is_overdue(p: Period, today: date) -> bool:
    return today > p.due


def open_periods(ps: list[Period], today: date) -> list[Period]:
    return [p for p in ps if is_open(p, today)]


def overdue_periods(ps: list[Period], today: date) -> list[Period]:
    return [p for p in ps if is_overdue(p, today)]


def due_within(ps: list[Period], today: date, days: int) -> list[Period]:
    """Periods whose due date is ``today`` or within the next ``days`` days (for reminders)."""
    return [p for p in ps if today <= p.due <= today + timedelta(days=days)]


class PeriodState(StrEnum):
    BELUM_DIBUKA = "BELUM_DIBUKA"  # the period has not begun
    TERBUKA = "TERBUKA"  # begun, not yet due, no report
    TERLAMBAT = "TERLAMBAT"  # past its due date, no report
    DILAPORKAN = "DILAPORKAN"  # report filed, not yet evaluated
    DINILAI = "DINILAI"  # report evaluated


PERIOD_STATE_LABELS = {
    PeriodState.BELUM_DIBUKA: "Belum dibuka",
    PeriodState.TERBUKA: "Perlu dilaporkan",
    PeriodState.TERLAMBAT: "Terlambat",
    PeriodState.DILAPORKAN: "Dilaporkan",
    PeriodState.DINILAI: "Sudah dinilai",
}


def period_state(p: Period, today: date, filed: bool, evaluated: bool = False) -> PeriodState:
    if filed:
        return PeriodState.DINILAI if evaluated else PeriodState.DILAPORKAN
    if not is_open(p, today):
        return PeriodState.BELUM_DIBUKA
    return PeriodState.TERLAMBAT if is_overdue(p, today) else PeriodState.TERBUKA
