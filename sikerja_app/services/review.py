"""Admin verification of submitted applications: inbox and the three decisions."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_
from sqlmodel import select

from ..db import session_scope
from ..domain.dates import utcnow
from ..domain.permissions import can_decide_intake
from ..domain.stages import Action, Actor, Status
from ..models import Application, Instansi, TkksdAssignment, User
from .app_access import load_visible, refuse
from .auth import CurrentUser
from .errors import Forbidden, ServiceError
from .notifications import notify
from .stages import open_round
from .transitions import apply_transition

PAGE_SIZE = 20


@dataclass
class InboxRow:
    id: int
    code: str
    judul: str
    instansi: str
    status: str
    submitted_at: datetime | None
    status_changed_at: datetime


def _require_admin(actor: CurrentUser) -> None:
    if not can_decide_intake(actor.viewer):
        refuse(actor, "", "", "admin")
        raise Forbidden()


def inbox(actor: CurrentUser, status: str = "", query: str = "", page: int = 1) -> tuple[list[InboxRow], int]:
    """Submitted applications (never drafts), newest change first; returns rows and total."""
    _require_admin(actor)
    with session_scope() as s:
        q = select(Application, Instansi.nama).join(Instansi, Instansi.id == Application.instansi_id)
        q = q.where(Application.status != Status.DRAFT)
        if status:
            q = q.where(Application.status == status)
        term = query.strip()
        if term:
            like = f"%{term.lower()}%"
            q = q.where(or_(func.lower(Application.code).like(like),
                            func.lower(Application.judul).like(like),
                            func.lower(Instansi.nama).like(like)))
        total = s.exec(select(func.count()).select_from(q.subquery())).one()
        rows = s.exec(q.order_by(Application.status_changed_at.desc())  # type: ignore[attr-defined]
                      .offset((max(page, 1) - 1) * PAGE_SIZE).limit(PAGE_SIZE)).all()
        return [InboxRow(a.id or 0, a.code or "", a.judul, nama, a.status, a.submitted_at,
                         a.status_changed_at) for a, nama in rows], total


def tkksd_members() -> list[tuple[int, str]]:
    with session_scope() as s:
        rows = s.exec(select(User).where(User.role == "TKKSD", User.is_active == True)  # noqa: E712
                      .order_by(User.nama_lengkap)).all()
        return [(u.id or 0, f"{u.nama_lengkap}{' (Protokol)' if u.is_protokol else ''} – {u.jabatan}")
                for u in rows]


def _decide(actor: CurrentUser, app_id: int, action: Action, note: str, ip: str) -> Application:
    _require_admin(actor)
    with session_scope() as s:
        app, _ = load_visible(s, actor, app_id, ip)
        apply_transition(s, app, action, Actor.ADMIN, actor.id, note, ip)
        if action in (Action.RETURN, Action.REJECT):
            app.admin_note = note.strip()
            s.add(app)
        return app


def return_for_revision(actor: CurrentUser, app_id: int, note: str, ip: str = "") -> None:
    app = _decide(actor, app_id, Action.RETURN, note, ip)
    with session_scope() as s:
        notify(s, _applicants(app), f"Permohonan {app.code} dikembalikan untuk perbaikan: {note[:200]}",
               f"/pengajuan/{app.id}")


def reject(actor: CurrentUser, app_id: int, reason: str, ip: str = "") -> None:
    app = _decide(actor, app_id, Action.REJECT, reason, ip)
    with session_scope() as s:
        notify(s, _applicants(app), f"Permohonan {app.code} ditolak: {reason[:200]}",
               f"/pengajuan/{app.id}")


def approve(actor: CurrentUser, app_id: int, tkksd_ids: list[int], ip: str = "") -> None:
    """Verify the application: Penawaran opens and the chosen TKKSD members are assigned."""
    _require_admin(actor)
    wanted = {int(i) for i in tkksd_ids}
    if not wanted:
        raise ServiceError("Pilih paling sedikit satu anggota TKKSD.",
                           {"tkksd": "Pilih paling sedikit satu anggota TKKSD."})
    with session_scope() as s:
        valid = set(s.exec(select(User.id).where(User.id.in_(wanted), User.role == "TKKSD",  # type: ignore[union-attr]
                                                 User.is_active == True)))  # noqa: E712
        if valid != wanted:
            raise ServiceError("Anggota TKKSD tidak dikenal.", {"tkksd": "Pilih anggota TKKSD dari daftar."})
        app, _ = load_visible(s, actor, app_id, ip)
        apply_transition(s, app, Action.APPROVE_INTAKE, Actor.ADMIN, actor.id, "", ip)
        open_round(s, app.id or 0, Status.PENAWARAN)
        now = utcnow()
        for uid in sorted(wanted):
            s.add(TkksdAssignment(application_id=app.id, user_id=uid, assigned_at=now,
                                  assigned_by=actor.id))
        app.admin_note = ""
        s.add(app)
        notify(s, _applicants(app), f"Permohonan {app.code} diverifikasi. Tahap Penawaran dimulai.",
               f"/pengajuan/{app.id}")
        notify(s, wanted, f"Anda ditugaskan menelaah permohonan {app.code}: {app.judul[:120]}",
               f"/pengajuan/{app.id}")


def _applicants(app: Application) -> set[int]:
    return {i for i in (app.ppksd1_id, app.ppksd2_id) if i}
