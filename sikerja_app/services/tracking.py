"""Lacak: the public status of an application by its registration code (nothing personal)."""

from dataclasses import dataclass

from sqlmodel import select

from ..config import get_settings
from ..db import session_scope
from ..domain import regcode
from ..domain.dates import format_date
from ..domain.stages import STATUS_LABELS, Status
from ..models import Application, ApplicationEvent
from .app_view import EVENT_LABELS


@dataclass
class TrackResult:
    error: str = ""
    code: str = ""
    status: str = ""
    status_label: str = ""
    submitted: str = ""
    last_change: str = ""
    steps: list[tuple[str, str]] | None = None  # (date, what happened), no names


def track(raw_code: str) -> TrackResult:
    status, code = regcode.check_code(raw_code)
    if status == regcode.CodeStatus.MALFORMED:
        return TrackResult(error="Format kode tidak dikenali. Contoh kode: KSD-2026-7QX4-M9.",
                           code=code)
    if status == regcode.CodeStatus.MISTYPED:
        return TrackResult(error="Kode salah ketik: karakter pemeriksa tidak cocok. "
                                 "Periksa kembali setiap huruf dan angka.", code=code)
    tz = get_settings().timezone
    with session_scope() as s:
        app = s.exec(select(Application).where(Application.code == code)).first()
        if app is None:
            return TrackResult(error="Kode tidak ditemukan. Pastikan kode sesuai tanda terima.",
                               code=code)
        events = s.exec(select(ApplicationEvent).where(
            ApplicationEvent.application_id == app.id, ApplicationEvent.action != "DRAFT_DIBUAT",
        ).order_by(ApplicationEvent.id)).all()
        return TrackResult(
            code=code, status=app.status, status_label=STATUS_LABELS[Status(app.status)],
            submitted=format_date(app.submitted_at, tz),
            last_change=format_date(app.status_changed_at, tz),
            steps=[(format_date(e.at, tz), EVENT_LABELS.get(e.action, e.action)) for e in events],
        )


class LookupLimiter:
    """At most ``limit`` look-ups per address per ``window`` seconds (per worker process).

    Registration codes carry 25 random bits; this keeps anyone from walking through them.
    """

    def __init__(self, limit: int = 20, window: float = 60.0) -> None:
        self.limit, self.window = limit, window
        self._hits: dict[str, list[float]] = {}

    def allow(self, key: str, now: float) -> bool:
        recent = [t for t in self._hits.get(key, []) if now - t < self.window]
        if len(recent) >= self.limit:
            self._hits[key] = recent
            return False
        recent.append(now)
        self._hits[key] = recent
        if len(self._hits) > 10_000:  # forget idle addresses
            self._hits = {k: v for k, v in self._hits.items() if v and now - v[-1] < self.window}
        return True


LIMITER = LookupLimiter()
TOO_MANY = "Terlalu banyak pelacakan dari alamat ini. Tunggu satu menit, lalu coba lagi."
