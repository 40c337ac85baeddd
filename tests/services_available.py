"""PostgreSQL and Redis for the scale-out tests: a fresh database each, skip or fail when absent."""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

PG_ADMIN_URL = os.environ.get("SIKERJA_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("SIKERJA_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def unavailable(what: str, exc: Exception) -> None:
    """With CI=true a missing service is a failure, never a silent skip."""
    msg = f"{what} is not reachable ({exc})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(msg)
    pytest.skip(msg)


@contextmanager
def fresh_pg_database() -> Iterator[str]:
    """Create an empty database, yield its URL, drop it afterwards."""
    from sqlalchemy import create_engine, text

    name = f"sikerja_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001 - any connection problem means "not available"
        admin.dispose()
        unavailable("PostgreSQL", exc)
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def redis_or_skip() -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except Exception as exc:  # noqa: BLE001
        unavailable("Redis", exc)
    return REDIS_URL
