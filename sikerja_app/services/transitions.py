"""The one place that writes a stage change: state, timeline and audit together."""

from sqlalchemy import update
from sqlmodel import Session

from ..domain.dates import utcnow
from ..domain.stages import Action, Actor, Status, TransitionError, check_transition
from ..models import Application, ApplicationEvent
from . import audit
from .errors import ServiceError


def apply_transition(
    s: Session, app: Application, action: Action, actor_kind: Actor, actor_id: int | None,
    note: str, ip: str,
) -> Status:
    """Check the rule, then move the application with a guard on its old state.

    The guarded UPDATE makes two racing decisions safe: the second finds the state
    already changed and is refused instead of applied twice.
    """
    source = Status(app.status)
    try:
        target = check_transition(action, source, actor_kind, note)
    except TransitionError as exc:
        raise ServiceError(str(exc)) from exc
    now = utcnow()
    result = s.exec(update(Application).where(  # type: ignore[call-overload]
        Application.id == app.id, Application.status == source
    ).values(status=target, status_changed_at=now, updated_at=now))
    if result.rowcount != 1:
        raise ServiceError("Permohonan ini baru saja diubah orang lain. Muat ulang halaman.")
    s.refresh(app)
    s.add(ApplicationEvent(application_id=app.id, actor_id=actor_id, action=action,
                           from_status=source, to_status=target, note=note.strip()))
    audit.record(s, f"STATUS_{action}", actor_id, "application", app.id, ip,
                 f"{source}->{target}")
    return target
