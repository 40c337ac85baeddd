"""The staff dashboard (dasbor): counts per stage, work waiting for the viewer, stalled stages,
agreements expiring soon and the monthly trend of submissions against last year.

Admins see every submitted application; a TKKSD member only the ones assigned to them.
Drafts are never counted. Everyone else is refused.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import select

from ..config import get_settings
from ..db import session_scope
from ..domain.dates import BULAN, format_date, to_local, utcnow
from ..domain.roles import Role
from ..domain.stages import SHORT_LABELS, Status
from ..models import Agreement, Application, TkksdAssignment
from . import audit, signing, stages
from .auth import CurrentUser
from .errors import Forbidden
from .registry import RegisterFilter, _filtered

EXPIRING_DAYS = 90
EXPIRING_LIMIT = 20
COUNTED = [st for st in Status if st != Status.DRAFT]


@dataclass
class StageCount:
    status: str
    label: str
    n: int


@dataclass
class TrendRow:
    month: int
    label: str
    this_year: int
    last_year: int


@dataclass
class ExpiringRow:
    id: int
    judul: str
    mitra: str
    sampai: str
    days: int


@dataclass
class Summary:
    total: int
    counts: list[StageCount]
    waiting: list[stages.PendingItem]
    protokol: list[tuple[int, str, str, str]]  # (application id, code, title, proposed time)
    stalled: list[stages.StalledRow]
    expiring: list[ExpiringRow]
    expiring_total: int
    year: int
    trend: list[TrendRow] = field(default_factory=list)


def _require_staff(actor: CurrentUser | None) -> CurrentUser:
    if actor is None or actor.role not in (Role.ADMIN, Role.TKKSD):
        with session_scope() as s:
            audit.record(s, "AKSES_DITOLAK", actor.id if actor else None, "dasbor", "", "", "dasbor")
        raise Forbidden()
    return actor


def _scoped(q, actor: CurrentUser):  # noqa: ANN001, ANN202 - a SQLModel select
    if actor.role == Role.TKKSD:
        q = q.join(TkksdAssignment, TkksdAssignment.application_id == Application.id).where(
            TkksdAssignment.user_id == actor.id)
    return q.where(Application.status != Status.DRAFT)


def counts(actor: CurrentUser) -> tuple[int, list[StageCount]]:
    """Applications per status (every status but drafts, zeros included), and their total."""
    _require_staff(actor)
    with session_scope() as s:
        q = _scoped(select(Application.status, func.count(func.distinct(Application.id))), actor)
        got = dict(s.exec(q.group_by(Application.status)).all())
    rows = [StageCount(st.value, SHORT_LABELS[st], int(got.get(st.value, 0))) for st in COUNTED]
    return sum(r.n for r in rows), rows


def _utc(d: date, tz: str) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=ZoneInfo(tz)).astimezone(UTC)


def trend(actor: CurrentUser, today: date | None = None) -> tuple[int, list[TrendRow]]:
    """Applications submitted per month (region's zone) of this year up to this month, beside the
    same months of last year."""
    _require_staff(actor)
    tz = get_settings().timezone
    today = today or to_local(utcnow(), tz).date()
    year = today.year
    start, end = _utc(date(year - 1, 1, 1), tz), _utc(date(year + 1, 1, 1), tz)
    per: dict[tuple[int, int], int] = {}
    with session_scope() as s:
        q = _scoped(select(Application.id, Application.submitted_at), actor).where(
            Application.submitted_at.is_not(None),  # type: ignore[union-attr]
            Application.submitted_at >= start, Application.submitted_at < end)  # type: ignore[operator]
        seen: set[int] = set()
        for app_id, at in s.exec(q).all():
            if app_id in seen:
                continue
            seen.add(app_id)
            local = to_local(at, tz)
            per[(local.year, local.month)] = per.get((local.year, local.month), 0) + 1
    rows = [TrendRow(m, BULAN[m - 1], per.get((year, m), 0), per.get((year - 1, m), 0))
            for m in range(1, today.month + 1)]
    return year, rows


def expiring(actor: CurrentUser, days: int = EXPIRING_DAYS) -> tuple[list[ExpiringRow], int]:
    """Agreements in force that end within ``days`` days, soonest first (at most 20 listed)."""
    _require_staff(actor)
    tz = get_settings().timezone
    today = to_local(utcnow(), tz).date()
    q = _filtered(RegisterFilter(expiring_days=days))
    with session_scope() as s:
        total = s.exec(select(func.count()).select_from(q.subquery())).one()
        rows = s.exec(q.order_by(Agreement.berlaku_sampai, Agreement.id).limit(EXPIRING_LIMIT)).all()
        return [ExpiringRow(a.id or 0, a.judul, a.mitra_nama, format_date(a.berlaku_sampai, tz),
                            (a.berlaku_sampai - today).days) for a in rows], int(total)


def summary(actor: CurrentUser | None) -> Summary:
    user = _require_staff(actor)
    total, rows = counts(user)
    soon, soon_total = expiring(user)
    year, months = trend(user)
    return Summary(
        total=total, counts=rows, waiting=stages.waiting_for(user), protokol=signing.waiting_for_protokol(user),
        stalled=stages.stalled(user), expiring=soon, expiring_total=soon_total, year=year, trend=months,
    )
