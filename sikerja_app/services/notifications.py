"""In-app notifications with an email copy (printed to the log in the embedded mode)."""

import logging

from sqlmodel import Session, func, select

from ..db import session_scope
from ..domain.dates import utcnow
from ..models import Notification, User

log = logging.getLogger("sikerja.email")


def notify(session: Session, user_ids: set[int] | list[int], text: str, link: str = "") -> None:
    """Queue one notification per person, inside the caller's transaction."""
    for uid in sorted(set(user_ids)):
        session.add(Notification(user_id=uid, text=text[:500], link=link[:200]))
        user = session.get(User, uid)
        if user is not None:
            log.info("EMAIL kepada %s: %s %s", user.email, text, link)


def admin_ids(session: Session) -> list[int]:
    return list(session.exec(
        select(User.id).where(User.role == "ADMIN", User.is_active == True)  # noqa: E712
    ))


def unread_count(user_id: int) -> int:
    with session_scope() as s:
        return s.exec(
            select(func.count()).select_from(Notification).where(
                Notification.user_id == user_id, Notification.read_at.is_(None)  # type: ignore[union-attr]
            )
        ).one()


def latest(user_id: int, limit: int = 20) -> list[Notification]:
    with session_scope() as s:
        return list(s.exec(
            select(Notification).where(Notification.user_id == user_id)
            .order_by(Notification.id.desc()).limit(limit)  # type: ignore[union-attr]
        ))


def mark_all_read(user_id: int) -> None:
    with session_scope() as s:
        for n in s.exec(select(Notification).where(
            Notification.user_id == user_id, Notification.read_at.is_(None)  # type: ignore[union-attr]
        )):
            n.read_at = utcnow()
            s.add(n)
