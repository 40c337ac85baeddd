"""Scale-out mode on a real PostgreSQL: migrations, demo data, races and constraints."""

import os
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from tests.services_available import fresh_pg_database

pytestmark = pytest.mark.scaleout


def _clear_caches() -> None:
    from sikerja_app import config, db
    from sikerja_app.services import reference

    config.get_settings.cache_clear()
    db.get_engine.cache_clear()
    for fn in (reference.urusan_options, reference.kabkota_options):
        fn.cache_clear()


@pytest.fixture(scope="module")
def pg() -> Iterator[str]:
    """Point the app at a fresh PostgreSQL database for this module, then back to SQLite."""
    with fresh_pg_database() as url:
        old = os.environ.get("SIKERJA_DATABASE_URL")
        os.environ["SIKERJA_DATABASE_URL"] = url
        _clear_caches()
        try:
            from sikerja_app import cli
            from sikerja_app.services import seed

            cli.migrate()
            seed.seed_reference()
            seed.seed_demo()
            yield url
        finally:
            from sikerja_app.db import get_engine

            get_engine().dispose()
            if old is None:
                os.environ.pop("SIKERJA_DATABASE_URL", None)
            else:
                os.environ["SIKERJA_DATABASE_URL"] = old
            _clear_caches()


def test_migrations_and_demo_data_on_postgres(pg: str) -> None:
    from sikerja_app.db import get_engine, session_scope
    from sikerja_app.models import Application, KabKota

    assert get_engine().dialect.name == "postgresql"
    with session_scope() as s:
        statuses = sorted(a.status for a in s.exec(select(Application)))
        assert statuses == ["DIAJUKAN", "PENAWARAN"]
        assert len(s.exec(select(KabKota)).all()) == 514


def test_models_match_the_committed_migrations(pg: str) -> None:
    """`alembic check`: a model change without its migration fails here."""
    from alembic import command
    from alembic.config import Config

    from sikerja_app.cli import ROOT_DIR

    cfg = Config(str(ROOT_DIR / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT_DIR / "alembic"))
    command.check(cfg)


def test_registration_code_is_unique_in_the_database(pg: str) -> None:
    from sikerja_app.db import session_scope
    from sikerja_app.models import Application

    with session_scope() as s:
        taken = s.exec(select(Application.code).where(Application.code.is_not(None))).first()  # type: ignore[union-attr]
        other = s.exec(select(Application).where(Application.code != taken)).first()
    with pytest.raises(IntegrityError), session_scope() as s:
        row = s.get(Application, other.id)
        row.code = taken
        s.add(row)


def test_two_racing_admin_decisions_apply_once(pg: str) -> None:
    """Approve and return at the same instant on PostgreSQL: exactly one wins."""
    from sikerja_app.db import session_scope
    from sikerja_app.models import Application, ApplicationEvent
    from sikerja_app.services import review
    from sikerja_app.services.errors import ServiceError
    from sikerja_app.services.seed import demo_user

    admin, tkksd = demo_user("admin"), demo_user("tkksd")
    with session_scope() as s:
        app_id = s.exec(select(Application.id).where(Application.status == "DIAJUKAN")).one()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def attempt(kind: str) -> None:
        barrier.wait()
        try:
            if kind == "approve":
                review.approve(admin, app_id, [tkksd.id], "127.0.0.1")
            else:
                review.return_for_revision(admin, app_id, "Lengkapi lampiran.", "127.0.0.1")
            outcomes.append(kind)
        except ServiceError:
            outcomes.append("refused")

    threads = [threading.Thread(target=attempt, args=(k,)) for k in ("approve", "return")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes).count("refused") == 1, outcomes
    with session_scope() as s:
        decisions = s.exec(select(ApplicationEvent).where(
            ApplicationEvent.application_id == app_id,
            ApplicationEvent.action.in_(["APPROVE_INTAKE", "RETURN"]),  # type: ignore[attr-defined]
        )).all()
        status = s.get(Application, app_id).status
    assert len(decisions) == 1
    assert status == {"approve": "PENAWARAN", "return": "DIKEMBALIKAN"}[decisions[0].action.replace(
        "APPROVE_INTAKE", "approve").replace("RETURN", "return")]
