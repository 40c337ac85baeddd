"""The stage discussion thread: append-only messages, attachments, unread counts."""

from dataclasses import dataclass

from sqlmodel import Session, func, select

from ..config import get_settings
from ..db import session_scope
from ..domain.dates import format_datetime
from ..domain.pembahasan import is_participant
from ..domain.roles import role_label
from ..domain.stages import PEMBAHASAN, SHORT_LABELS
from ..models import ChatMessage, ChatRead, StoredFile, User
from . import audit
from .app_access import load_visible, refuse
from .auth import CurrentUser
from .errors import ServiceError
from .notifications import notify
from .stages import _check_stage, participants, round_of

MAX_MESSAGE = 4000


@dataclass
class Message:
    id: int
    who: str
    role: str
    when: str
    body: str
    file_id: int
    file_name: str
    mine: bool


def _participant(s: Session, actor: CurrentUser, app_id: int, ip: str):  # noqa: ANN202
    app, facts = load_visible(s, actor, app_id, ip)
    if not is_participant(actor.viewer, facts):
        raise refuse(actor, app_id, ip, "diskusi")
    return app


def send(actor: CurrentUser, app_id: int, stage: str, body: str, file_id: int | None = None, ip: str = "") -> int:
    """Post to the thread of the current stage; earlier stages' threads are the archive."""
    from .files import claim_file

    st = _check_stage(stage)
    body = (body or "").strip()
    if not body and not file_id:
        raise ServiceError("Pesan kosong.", {"pesan": "Tulis pesan atau lampirkan berkas."})
    if len(body) > MAX_MESSAGE:
        raise ServiceError(f"Pesan paling banyak {MAX_MESSAGE} karakter.", {"pesan": "Pesan terlalu panjang."})
    with session_scope() as s:
        app = _participant(s, actor, app_id, ip)
        if app.status != st or round_of(s, app_id, st) is None:
            raise ServiceError("Diskusi tahap ini sudah ditutup; pesan hanya dapat dikirim pada tahap yang berjalan.")
        stored = claim_file(s, actor, file_id) if file_id else None
        msg = ChatMessage(application_id=app_id, stage=st, user_id=actor.id, body=body,
                          file_id=stored.id if stored else None)
        s.add(msg)
        s.flush()
        _mark(s, actor.id, app_id, st, msg.id or 0)
        audit.record(s, "PESAN", actor.id, "application", app_id, ip, f"{st} pesan={msg.id}")
        notify(s, participants(s, app) - {actor.id},
               f"Pesan baru dari {actor.nama} di {SHORT_LABELS[st]} {app.code}: {body[:80]}",
               f"/pengajuan/{app_id}/pembahasan?tahap={st}")
        return msg.id or 0


def thread(actor: CurrentUser, app_id: int, stage: str, ip: str = "") -> list[Message]:
    st = _check_stage(stage)
    cfg = get_settings()
    with session_scope() as s:
        _participant(s, actor, app_id, ip)
        rows = s.exec(select(ChatMessage, User).join(User, User.id == ChatMessage.user_id)
                      .where(ChatMessage.application_id == app_id, ChatMessage.stage == st)
                      .order_by(ChatMessage.id)).all()
        names = {f.id: f.original_name for f in s.exec(select(StoredFile).where(
            StoredFile.id.in_({m.file_id for m, _ in rows if m.file_id})))}  # type: ignore[union-attr]
        return [Message(m.id or 0, u.nama_lengkap or u.email, role_label(u.role, u.is_protokol),
                        format_datetime(m.at, cfg.timezone, cfg.tz_label), m.body, m.file_id or 0,
                        names.get(m.file_id, ""), m.user_id == actor.id) for m, u in rows]


def _mark(s: Session, user_id: int, app_id: int, stage: str, last_id: int) -> None:
    row = s.get(ChatRead, (app_id, stage, user_id))
    if row is None:
        s.add(ChatRead(application_id=app_id, stage=stage, user_id=user_id, last_message_id=last_id))
    elif last_id > row.last_message_id:
        row.last_message_id = last_id
        s.add(row)


def mark_read(actor: CurrentUser, app_id: int, stage: str, last_id: int) -> None:
    st = _check_stage(stage)
    with session_scope() as s:
        _participant(s, actor, app_id, "")
        _mark(s, actor.id, app_id, st, int(last_id))


def unread(actor: CurrentUser, app_id: int) -> dict[str, int]:
    """Unread messages per stage for this person (messages by others after the last read one)."""
    with session_scope() as s:
        _participant(s, actor, app_id, "")
        out = {}
        for st in PEMBAHASAN:
            seen = s.get(ChatRead, (app_id, st.value, actor.id))
            out[st.value] = s.exec(select(func.count()).select_from(ChatMessage).where(
                ChatMessage.application_id == app_id, ChatMessage.stage == st.value,
                ChatMessage.user_id != actor.id, ChatMessage.id > (seen.last_message_id if seen else 0))).one()
        return out


def latest_marker(app_id: int, stage: str) -> tuple[int, int, int, str]:
    """(last message id, last decision id, stage version, application status): a cheap
    fingerprint that changes whenever an open stage page has something new to show."""
    from ..models import Application, StageDecision

    with session_scope() as s:
        last = s.exec(select(func.max(ChatMessage.id)).where(ChatMessage.application_id == app_id,
                                                               ChatMessage.stage == stage)).one() or 0
        decided = s.exec(select(func.max(StageDecision.id)).where(StageDecision.application_id == app_id,
                                                                   StageDecision.stage == stage)).one() or 0
        rnd = round_of(s, app_id, stage)
        app = s.get(Application, app_id)
        return last, decided, rnd.version if rnd else 0, app.status if app else ""
