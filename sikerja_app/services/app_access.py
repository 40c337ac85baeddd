"""Loading an application together with the facts the permission rules need."""

from sqlmodel import Session, select

from ..db import session_scope
from ..domain.permissions import AppFacts, can_view
from ..models import Application, ApplicationOpd, TkksdAssignment
from . import audit
from .auth import CurrentUser
from .errors import NotFound


def facts_of(s: Session, app: Application) -> AppFacts:
    tkksd = s.exec(select(TkksdAssignment.user_id).where(TkksdAssignment.application_id == app.id))
    opds = s.exec(select(ApplicationOpd.opd_id).where(ApplicationOpd.application_id == app.id))
    return AppFacts(
        status=app.status,
        instansi_id=app.instansi_id,
        ppksd1_id=app.ppksd1_id,
        ppksd2_id=app.ppksd2_id,
        tkksd_ids=frozenset(tkksd),
        opd_ids=frozenset(opds),
    )


def refuse(actor: CurrentUser | None, app_id: object, ip: str = "", why: str = "lihat") -> NotFound:
    """Record a refused access and return the error to raise.

    The audit row is written in its own transaction: the caller's is rolled back.
    """
    with session_scope() as log_s:
        audit.record(log_s, "AKSES_DITOLAK", actor.id if actor else None,
                     "application", app_id, ip, why)
    return NotFound()


def load_visible(s: Session, actor: CurrentUser, app_id: int, ip: str = "") -> tuple[Application, AppFacts]:
    """The application if this user may see it; otherwise NotFound (and an audit row)."""
    app = s.get(Application, app_id) if type(app_id) is int else None  # not bool: True == 1
    if app is None:
        raise refuse(actor, app_id, ip)
    facts = facts_of(s, app)
    if not can_view(actor.viewer, facts):
        raise refuse(actor, app_id, ip)
    return app, facts
