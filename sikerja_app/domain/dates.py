"""Indonesian date and time formatting in the deployment's zone; storage is UTC."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


def utcnow() -> datetime:
    """Aware UTC; the database stores UTC (SQLModel's UTCDateTime)."""
    return datetime.now(UTC)


def to_local(value: datetime, tz: str) -> datetime:
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(ZoneInfo(tz))


def format_date(value: datetime | None, tz: str) -> str:
    """``3 Desember 2026`` in the local zone."""
    if value is None:
        return ""
    d = to_local(value, tz) if isinstance(value, datetime) else value
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def format_datetime(value: datetime | None, tz: str, tz_label: str) -> str:
    """``3 Desember 2026 14.05 WITA`` (Indonesian uses a dot between hours and minutes)."""
    if value is None:
        return ""
    d = to_local(value, tz)
    return f"{d.day} {BULAN[d.month - 1]} {d.year} {d.hour:02d}.{d.minute:02d} {tz_label}"
