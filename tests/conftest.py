"""Shared fixtures for the domain and service suites.

The environment is pointed at a throw-away data directory at import time, before any
test module imports ``sikerja_app``, so no test ever touches ./data. The database is
created only when a test asks for the session-scoped ``db`` fixture (the service suites
request it through ``pytestmark``); nothing here is autouse, so the browser suite in
tests/e2e (with its own conftest) is not affected by it.
"""

import atexit
import itertools
import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# One data directory per test run, even if this module is imported a second time under another
# name (``from tests.conftest import …``): a second directory would swap the database mid-run.
if "SIKERJA_TEST_RUN_DIR" not in os.environ:
    os.environ["SIKERJA_TEST_RUN_DIR"] = tempfile.mkdtemp(prefix="sikerja-tests-")
DATA_DIR = Path(os.environ["SIKERJA_TEST_RUN_DIR"])
os.environ["SIKERJA_DATA_DIR"] = str(DATA_DIR)
os.environ.pop("SIKERJA_DATABASE_URL", None)  # always the embedded SQLite in DATA_DIR
atexit.register(shutil.rmtree, DATA_DIR, ignore_errors=True)

PASSWORD = "Rahasia-Uji-2026"

_counter = itertools.count(1)


def _clear_caches() -> None:
    from sikerja_app import config, db
    from sikerja_app.services import reference

    config.get_settings.cache_clear()
    db.get_engine.cache_clear()
    for name in dir(reference):
        fn = getattr(reference, name)
        if callable(fn) and hasattr(fn, "cache_clear"):
            fn.cache_clear()


@pytest.fixture(scope="session")
def db() -> Iterator[Path]:
    """A migrated database with the reference data and the demo data, once per session."""
    _clear_caches()
    from sikerja_app import cli
    from sikerja_app.config import get_settings
    from sikerja_app.db import get_engine
    from sikerja_app.services import seed

    assert get_settings().data_dir == DATA_DIR.resolve()
    cli.migrate()
    seed.seed_reference()
    seed.seed_demo()
    yield DATA_DIR
    get_engine().dispose()


_hash_cache: dict[str, str] = {}


def password_hash() -> str:
    """argon2 is slow on purpose: hash the shared test password once per session."""
    if PASSWORD not in _hash_cache:
        from sikerja_app.services.security import hash_password

        _hash_cache[PASSWORD] = hash_password(PASSWORD)
    return _hash_cache[PASSWORD]


def unique(prefix: str = "x") -> str:
    return f"{prefix}{next(_counter)}{uuid.uuid4().hex[:6]}"


def valid_nik(n: int, female: bool = False) -> str:
    """A NIK that passes validation: Samarinda region code, a real birth date, a sequence."""
    day = 12 + (40 if female else 0)
    return f"647201{day:02d}0890{n % 10000:04d}"


@dataclass
class Factory:
    """Cheap creation of institutions, people and drafts for one test."""

    password: str = PASSWORD

    def instansi(self, **overrides: object) -> int:
        from sikerja_app.db import session_scope
        from sikerja_app.models import Instansi

        values: dict[str, object] = {
            "nama": f"Instansi Uji {unique()}",
            "jenis_kode": "PERGURUAN_TINGGI",
            "kabkota_kode": "64.72",
            "kode_pos": "75119",
            "alamat": "Jl. Pendidikan No. 12, Samarinda",
            "telepon": "0541-7001234",
            "email": f"{unique('inst')}@contoh.ac.id",
            "website": "https://contoh.ac.id",
        }
        values.update(overrides)
        with session_scope() as s:
            inst = Instansi(**values)
            s.add(inst)
            s.flush()
            return inst.id or 0

    def user(self, role: str = "PEMOHON", instansi_id: int | None = None, **overrides: object):
        """A user with a complete biodata; returns the services' CurrentUser."""
        from sikerja_app.db import session_scope
        from sikerja_app.models import User
        from sikerja_app.services.auth import _current

        n = next(_counter)
        values: dict[str, object] = {
            "email": f"{unique(role.lower())}@uji.test",
            "password_hash": password_hash(),
            "role": role,
            "nama_lengkap": f"Pengguna Uji {n}",
            "nama_panggilan": f"Uji{n}",
            "nik": valid_nik(n),
            "jenis_kelamin": "L",
            "telepon": "081234567890",
            "kabkota_kode": "64.72",
            "alamat": "Jl. Basuki Rahmat No. 1, Samarinda",
            "unit_kerja": "Kantor Kerja Sama",
            "is_asn": False,
            "nomor_pegawai": "",
            "jabatan": "Staf",
            "instansi_id": instansi_id,
        }
        values.update(overrides)
        with session_scope() as s:
            user = User(**values)
            s.add(user)
            s.flush()
            s.refresh(user)
            return _current(user)

    def pemohon(self, instansi_id: int | None = None, **overrides: object):
        """An applicant; a fresh institution unless one is given."""
        return self.user("PEMOHON", instansi_id or self.instansi(), **overrides)

    def draft(self, actor, sample: int = 0, opd: tuple[str, ...] = ("DISKOMINFO", "BAPPEDA")) -> int:
        """A draft filled completely from one of the sample applications."""
        from sikerja_app.services import applications, seed

        app_id = applications.start_draft(actor)
        seed.fill_application(actor, app_id, seed.sample_applications()[sample], list(opd))
        return app_id

    def submitted(self, actor, sample: int = 0) -> tuple[int, str]:
        from sikerja_app.services import applications

        app_id = self.draft(actor, sample)
        result = applications.submit(actor, app_id, True, "10.9.9.9")
        assert result.code and not result.errors, result.errors
        return app_id, result.code


@pytest.fixture
def make(db) -> Factory:  # noqa: ANN001 - fixture
    return Factory()
