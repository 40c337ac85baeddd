"""Indonesian dates in the deployment's zone; storage in UTC."""

from datetime import UTC, date, datetime, timedelta

import pytest

from sikerja_app.domain.dates import BULAN, format_date, format_datetime, to_local, utcnow

WITA = "Asia/Makassar"  # UTC+8, no daylight saving


def test_utcnow_is_aware_utc() -> None:
    now = utcnow()
    assert now.tzinfo is not None and now.utcoffset() == timedelta(0)
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)


def test_date_in_the_local_zone_crosses_midnight() -> None:
    # 16:30 UTC on 2 December is 00:30 WITA on 3 December.
    assert format_date(datetime(2026, 12, 2, 16, 30, tzinfo=UTC), WITA) == "3 Desember 2026"
    assert format_date(datetime(2026, 12, 2, 15, 59, tzinfo=UTC), WITA) == "2 Desember 2026"
    # New year arrives in Samarinda eight hours before UTC.
    assert format_date(datetime(2026, 12, 31, 16, 0, tzinfo=UTC), WITA) == "1 Januari 2027"


def test_naive_values_are_taken_as_utc() -> None:
    assert format_date(datetime(2026, 12, 2, 16, 30), WITA) == "3 Desember 2026"
    assert to_local(datetime(2026, 1, 1, 0, 0), WITA).hour == 8


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_in_indonesian(month: int) -> None:
    expected = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                "September", "Oktober", "November", "Desember"][month - 1]
    assert BULAN[month - 1] == expected
    assert format_date(datetime(2026, month, 15, 4, 0, tzinfo=UTC), WITA) == f"15 {expected} 2026"


def test_day_without_leading_zero() -> None:
    assert format_date(datetime(2026, 3, 5, 1, 0, tzinfo=UTC), WITA) == "5 Maret 2026"


def test_plain_date_is_not_shifted() -> None:
    assert format_date(date(2026, 8, 17), WITA) == "17 Agustus 2026"  # type: ignore[arg-type]


def test_datetime_with_dot_and_zone_label() -> None:
    value = datetime(2026, 12, 3, 6, 5, tzinfo=UTC)
    assert format_datetime(value, WITA, "WITA") == "3 Desember 2026 14.05 WITA"
    assert format_datetime(value, "Asia/Jakarta", "WIB") == "3 Desember 2026 13.05 WIB"
    assert format_datetime(datetime(2026, 12, 2, 16, 0, tzinfo=UTC), WITA, "WITA") == \
        "3 Desember 2026 00.00 WITA"


def test_other_zones_convert_from_utc() -> None:
    value = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    assert format_date(value, "Asia/Jayapura") == "1 Juli 2026"  # WIT, UTC+9
    assert format_date(value, "UTC") == "30 Juni 2026"


def test_none_is_empty() -> None:
    assert format_date(None, WITA) == ""
    assert format_datetime(None, WITA, "WITA") == ""
