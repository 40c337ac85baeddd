"""Configuration, from environment variables only (documented in README.md)."""

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


def _flag(name: str, default: bool) -> bool:
    return _env(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "ya"}


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    region_name: str
    region_short: str
    province_name: str
    region_kabkota_kode: str
    timezone: str
    tz_label: str
    session_idle_minutes: int
    session_max_hours: int
    cookie_secure: bool
    demo_data: bool
    login_max_failures: int
    login_window_minutes: int
    trusted_proxy_hops: int
    max_upload_mb: int
    reminder_workdays: int
    reminder_interval_minutes: int
    # Informasi content (issue 5): the region's own rules and the contact of Bagian Kerja Sama
    region_head: str = ""
    region_rules: str = ""
    contact_unit: str = ""
    contact_address: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    contact_hours: str = ""

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"


@cache
def get_settings() -> Settings:
    data_dir = Path(_env("SIKERJA_DATA_DIR", "data")).resolve()
    return Settings(
        data_dir=data_dir,
        database_url=_env("SIKERJA_DATABASE_URL", f"sqlite:///{data_dir / 'sikerja.db'}"),
        region_name=_env("SIKERJA_REGION_NAME", "Kota Samarinda"),
        region_short=_env("SIKERJA_REGION_SHORT", "Samarinda"),
        province_name=_env("SIKERJA_PROVINCE_NAME", "Provinsi Kalimantan Timur"),
        region_kabkota_kode=_env("SIKERJA_REGION_KODE", "64.72"),
        timezone=_env("SIKERJA_TIMEZONE", "Asia/Makassar"),
        tz_label=_env("SIKERJA_TZ_LABEL", "WITA"),
        session_idle_minutes=int(_env("SIKERJA_SESSION_IDLE_MINUTES", "30")),
        session_max_hours=int(_env("SIKERJA_SESSION_MAX_HOURS", "12")),
        cookie_secure=_flag("SIKERJA_COOKIE_SECURE", False),
        demo_data=_flag("SIKERJA_DEMO_DATA", True),
        login_max_failures=int(_env("SIKERJA_LOGIN_MAX_FAILURES", "5")),
        login_window_minutes=int(_env("SIKERJA_LOGIN_WINDOW_MINUTES", "15")),
        trusted_proxy_hops=int(_env("SIKERJA_TRUSTED_PROXY_HOPS", "0")),
        max_upload_mb=int(_env("SIKERJA_MAX_UPLOAD_MB", "20")),
        reminder_workdays=int(_env("SIKERJA_REMINDER_WORKDAYS", "5")),
        reminder_interval_minutes=int(_env("SIKERJA_REMINDER_INTERVAL_MINUTES", "60")),
        **_content_settings(),
    )


def _content_settings() -> dict[str, str]:
    short = _env("SIKERJA_REGION_SHORT", "Samarinda")
    region = _env("SIKERJA_REGION_NAME", "Kota Samarinda")
    return {
        "region_head": _env("SIKERJA_REGION_HEAD", f"Wali Kota {short}"),
        "region_rules": _env("SIKERJA_REGION_RULES",
                             f"Peraturan Wali Kota {short} tentang fasilitasi kerja sama daerah"),
        "contact_unit": _env("SIKERJA_CONTACT_UNIT", f"Bagian Kerja Sama Sekretariat Daerah {region}"),
        "contact_address": _env("SIKERJA_CONTACT_ADDRESS", f"Kantor Sekretariat Daerah {region}"),
        "contact_phone": _env("SIKERJA_CONTACT_PHONE", ""),
        "contact_email": _env("SIKERJA_CONTACT_EMAIL", ""),
        "contact_hours": _env("SIKERJA_CONTACT_HOURS", f"Senin–Jumat, 08.00–16.00 {_env('SIKERJA_TZ_LABEL', 'WITA')}"),
    }
