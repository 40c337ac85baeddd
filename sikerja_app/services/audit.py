"""Writing the append-only audit log."""

from sqlmodel import Session

from ..models import AuditLog


def record(
    session: Session,
    action: str,
    user_id: int | None = None,
    target_type: str = "",
    target_id: object = "",
    ip: str = "",
    detail: str = "",
) -> None:
    session.add(
        AuditLog(
            action=action,
            user_id=user_id,
            target_type=target_type,
            target_id=str(target_id or ""),
            ip=ip[:64],
            detail=detail[:1000],
        )
    )
