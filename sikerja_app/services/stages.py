"""The discussion stages: document versions, decisions, skipping, and the move onwards.

A stage's ``StageRound.version`` grows with every new document version. A decision names
the version it was made on; a decision on an older version, or a second decision by the
same person on the same version, is refused (the unique constraint settles races).
"""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from ..config import get_settings
from ..db import session_scope
from ..domain.dates import format_datetime, to_local, utcnow
from ..domain.pembahasan import (
    DECISION_LABELS,
    DOCUMENT_LABELS,
    REQUIRED_DOCUMENTS,
    SKIPPABLE,
    Decision,
    allowed_decisions,
    is_participant,
    is_stage,
    may_decide,
    may_upload,
    verdict,
    working_days_between,
)
from ..domain.roles import Role, role_label
from ..domain.stages import PEMBAHASAN, SHORT_LABELS, Action, Actor, Status
from ..models import Application, StageDecision, StageDocument, StageReminder, StageRound, StoredFile, User
from . import audit
from .app_access import facts_of, load_visible, refuse
from .auth import CurrentUser
from .errors import ServiceError
from .notifications import admin_ids, notify
from .transitions import apply_transition

STALE_VERSION = "Versi dokumen sudah berubah sejak halaman dibuka. Periksa versi terbaru, lalu putuskan lagi."
ALREADY_DECIDED = "Anda sudah memberi keputusan pada versi ini."


def _check_stage(stage: str) -> Status:
    if not is_stage(stage):
        raise ServiceError("Tahap tidak dikenal.")
    return Status(stage)


def round_of(s: Session, app_id: int, stage: str) -> StageRound | None:
    return s.exec(select(StageRound).where(StageRound.application_id == app_id, StageRound.stage == stage)).first()


def open_round(s: Session, app_id: int, stage: str) -> StageRound:
    """The stage's round, created when the stage opens (idempotent)."""
    rnd = round_of(s, app_id, stage)
    if rnd is None:
        rnd = StageRound(application_id=app_id, stage=stage)
        s.add(rnd)
        s.flush()
    return rnd


def participants(s: Session, app: Application) -> set[int]:
    facts = facts_of(s, app)
    return {i for i in (app.ppksd1_id, app.ppksd2_id) if i} | set(facts.tkksd_ids) | set(admin_ids(s))


def _latest_docs(s: Session, app_id: int, stage: str) -> dict[str, StageDocument]:
    latest: dict[str, StageDocument] = {}
    for d in s.exec(select(StageDocument).where(StageDocument.application_id == app_id,
                                                StageDocument.stage == stage).order_by(StageDocument.number)):
        latest[d.kind] = d
    return latest


def _documents_complete(s: Session, app_id: int, stage: Status) -> bool:
    have = _latest_docs(s, app_id, stage)
    return all(d.kind in have for d in REQUIRED_DOCUMENTS[stage])


def add_document_version(actor: CurrentUser, app_id: int, stage: str, kind: str, file_id: int,
                         ip: str = "") -> int:
    """A new version of one required document; earlier approvals no longer count."""
    from .files import claim_file

    st = _check_stage(stage)
    if kind not in {d.kind for d in REQUIRED_DOCUMENTS[st]}:
        raise ServiceError("Jenis dokumen tidak dikenal untuk tahap ini.")
    with session_scope() as s:
        app, facts = load_visible(s, actor, app_id, ip)
        if not may_upload(actor.viewer, facts, stage):
            raise refuse(actor, app_id, ip, "unggah")
        stored = claim_file(s, actor, file_id)
        rnd = open_round(s, app_id, stage)
        number = (s.exec(select(func.max(StageDocument.number)).where(
            StageDocument.application_id == app_id, StageDocument.kind == kind)).one() or 0) + 1
        rnd.version += 1
        rnd.waiting_since = utcnow()
        s.add(rnd)
        s.add(StageDocument(application_id=app_id, stage=stage, kind=kind, number=number,
                            file_id=stored.id, round_version=rnd.version))
        audit.record(s, "UNGGAH_DOKUMEN", actor.id, "application", app_id, ip,
                     f"{kind} versi {number} berkas={stored.id} sha256={stored.sha256}")
        notify(s, participants(s, app) - {actor.id},
               f"{DOCUMENT_LABELS[kind]} versi {number} diunggah untuk {app.code}.",
               f"/pengajuan/{app_id}/pembahasan?tahap={stage}")
        return number


def decide(actor: CurrentUser, app_id: int, stage: str, decision: str, round_version: int,
           note: str = "", document_kind: str = "", ip: str = "") -> str:
    """Record one approver's decision on the version they saw; returns the new application status."""
    st = _check_stage(stage)
    try:
        dec = Decision(decision)
    except ValueError:
        raise ServiceError("Keputusan tidak dikenal.") from None
    note = (note or "").strip()[:4000]
    if dec not in allowed_decisions(actor.role):
        raise ServiceError("Hanya admin yang dapat menolak permohonan.")
    if dec == Decision.REVISI and (document_kind not in {d.kind for d in REQUIRED_DOCUMENTS[st]} or not note):
        raise ServiceError("Pilih dokumen yang perlu direvisi dan tulis catatannya.",
                           {"revisi": "Pilih dokumen yang perlu direvisi dan tulis catatannya."})
    if dec == Decision.TOLAK and not note:
        raise ServiceError("Tulis alasan penolakan.", {"revisi": "Tulis alasan penolakan."})
    try:
        with session_scope() as s:
            return _decide(s, actor, app_id, st, dec, int(round_version), note, document_kind, ip)
    except IntegrityError:
        raise ServiceError(ALREADY_DECIDED) from None


def _decide(s: Session, actor: CurrentUser, app_id: int, st: Status, dec: Decision, round_version: int,
            note: str, kind: str, ip: str) -> str:
    app, facts = load_visible(s, actor, app_id, ip)
    if not may_decide(actor.viewer, facts, st):
        raise refuse(actor, app_id, ip, "putuskan")
    rnd = open_round(s, app_id, st)
    if round_version != rnd.version or rnd.version == 0:
        raise ServiceError(STALE_VERSION if rnd.version else "Belum ada dokumen untuk diputuskan.")
    s.add(StageDecision(application_id=app_id, stage=st, round_version=rnd.version, user_id=actor.id,
                        role=actor.role, decision=dec, document_kind=kind, note=note))
    s.flush()  # the unique constraint refuses a second decision here
    audit.record(s, f"KEPUTUSAN_{dec}", actor.id, "application", app_id, ip, f"{st} versi {rnd.version}")
    who = participants(s, app) - {actor.id}
    link = f"/pengajuan/{app_id}/pembahasan?tahap={st}"
    notify(s, who, f"{actor.nama}: {DECISION_LABELS[dec]} – {SHORT_LABELS[st]} {app.code}"
           + (f" ({DOCUMENT_LABELS[kind]})" if kind else ""), link)
    if dec == Decision.TOLAK:
        apply_transition(s, app, Action.REJECT, Actor.ADMIN, actor.id, note, ip)
        app.admin_note = note
        s.add(app)
        return app.status
    if dec == Decision.SETUJU and _complete(s, app_id, st, facts.tkksd_ids, rnd.version):
        _close_and_advance(s, app, rnd, Action.APPROVE_STAGE, Actor.SYSTEM, None, "", ip)
        notify(s, participants(s, app), f"Tahap {SHORT_LABELS[st]} {app.code} disetujui. "
               f"Tahap berikutnya: {SHORT_LABELS[Status(app.status)]}.", f"/pengajuan/{app_id}")
    return app.status


def _complete(s: Session, app_id: int, st: Status, tkksd_ids: frozenset[int], version: int) -> bool:
    rows = s.exec(select(StageDecision).where(StageDecision.application_id == app_id, StageDecision.stage == st,
                                              StageDecision.round_version == version)).all()
    v = verdict([(r.user_id, r.role, r.decision) for r in rows], tkksd_ids, _documents_complete(s, app_id, st))
    return v.complete


def _close_and_advance(s: Session, app: Application, rnd: StageRound, action: Action, actor_kind: Actor,
                       actor_id: int | None, note: str, ip: str) -> None:
    rnd.status = "DISETUJUI" if action == Action.APPROVE_STAGE else "DILEWATI"
    rnd.closed_at = utcnow()
    rnd.skip_reason = note if action == Action.SKIP_STAGE else ""
    s.add(rnd)
    new = apply_transition(s, app, action, actor_kind, actor_id, note, ip)
    if new in PEMBAHASAN:
        open_round(s, app.id or 0, new)


def skip_stage(actor: CurrentUser, app_id: int, stage: str, reason: str, ip: str = "") -> str:
    """Admin marks the KB or PKS stage as not needed (e.g. a Sinergi with a Nota Kesepakatan)."""
    st = _check_stage(stage)
    if actor.role != Role.ADMIN:
        refuse(actor, app_id, ip, "lewati")
        raise ServiceError("Hanya admin yang dapat menyatakan tahap tidak diperlukan.")
    if st not in SKIPPABLE:
        raise ServiceError("Tahap Penawaran tidak dapat dilewati.")
    if not reason.strip():
        raise ServiceError("Tulis alasan tahap ini tidak diperlukan.", {"revisi": "Tulis alasannya."})
    with session_scope() as s:
        app, facts = load_visible(s, actor, app_id, ip)
        if app.status != st:
            raise ServiceError(f"Permohonan tidak sedang pada tahap {SHORT_LABELS[st]}.")
        rnd = open_round(s, app_id, st)
        _close_and_advance(s, app, rnd, Action.SKIP_STAGE, Actor.ADMIN, actor.id, reason.strip(), ip)
        notify(s, participants(s, app) - {actor.id},
               f"Tahap {SHORT_LABELS[st]} {app.code} dinyatakan tidak diperlukan: {reason.strip()[:200]}",
               f"/pengajuan/{app_id}")
        return app.status


@dataclass
class DocVersion:
    number: int
    file_id: int
    name: str
    size: str
    sha256: str
    who: str
    when: str
    current: bool


@dataclass
class DocSlot:
    kind: str
    label: str
    hint: str
    versions: list[DocVersion]


@dataclass
class DecisionRow:
    who: str
    role: str
    decision: str
    label: str
    version: str  # the document versions decided on, e.g. "Surat Penawaran v1, Studi Kelayakan v2"
    when: str
    note: str
    document: str


@dataclass
class StageView:
    app_id: int
    code: str
    judul: str
    app_status: str
    stage: str
    stage_label: str
    round_status: str  # BELUM, TERBUKA, DISETUJUI, DILEWATI
    version: int
    version_label: str
    skip_reason: str
    documents: list[DocSlot]
    decisions: list[DecisionRow]
    waiting: list[str]  # "Nama (peran) – 3 hari kerja"
    can_upload: bool
    can_decide: bool
    my_decision: str  # decision already taken on the current version, or ""
    decision_options: list[str]
    can_skip: bool
    stages: list[tuple[str, str, str]] = field(default_factory=list)  # (stage, label, state)


def _version_label(docs: list[StageDocument], round_version: int) -> str:
    """Which version of each document a stage version consists of."""
    latest: dict[str, int] = {}
    for d in sorted(docs, key=lambda d: d.round_version):
        if d.round_version <= round_version:
            latest[d.kind] = d.number
    return ", ".join(f"{DOCUMENT_LABELS[k]} v{n}" for k, n in latest.items())


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"


def view(actor: CurrentUser, app_id: int, stage: str, ip: str = "") -> StageView:
    st = _check_stage(stage)
    cfg = get_settings()
    with session_scope() as s:
        app, facts = load_visible(s, actor, app_id, ip)
        if not is_participant(actor.viewer, facts):
            raise refuse(actor, app_id, ip, "pembahasan")
        rnd = round_of(s, app_id, st)
        if rnd is None and app.status == st:
            rnd = open_round(s, app_id, st)
        docs = s.exec(select(StageDocument, StoredFile).join(StoredFile, StoredFile.id == StageDocument.file_id)
                      .where(StageDocument.application_id == app_id, StageDocument.stage == st)
                      .order_by(StageDocument.number.desc())).all()  # type: ignore[attr-defined]
        decisions = s.exec(select(StageDecision).where(StageDecision.application_id == app_id,
                                                       StageDecision.stage == st)
                           .order_by(StageDecision.id.desc())).all()  # type: ignore[union-attr]
        users = {u.id: u for u in s.exec(select(User).where(User.id.in_(  # type: ignore[union-attr]
            {f.uploaded_by for _, f in docs} | {d.user_id for d in decisions} | set(facts.tkksd_ids))))}
        version = rnd.version if rnd else 0
        latest = {}
        for d, _f in docs:
            latest.setdefault(d.kind, d.number)
        slots = [DocSlot(req.kind, req.label, req.hint, [
            DocVersion(d.number, f.id or 0, f.original_name, _size(f.size), f.sha256[:12],
                       _name(users.get(f.uploaded_by)), format_datetime(f.uploaded_at, cfg.timezone, cfg.tz_label),
                       latest.get(d.kind) == d.number)
            for d, f in docs if d.kind == req.kind]) for req in REQUIRED_DOCUMENTS[st]]
        doc_rows = [x for x, _ in docs]
        rows = [DecisionRow(_name(users.get(d.user_id)), role_label(d.role), d.decision,
                            DECISION_LABELS[Decision(d.decision)], _version_label(doc_rows, d.round_version),
                            format_datetime(d.at, cfg.timezone, cfg.tz_label), d.note,
                            DOCUMENT_LABELS.get(d.document_kind, "")) for d in decisions]
        current = [d for d in decisions if d.round_version == version]
        mine = next((d.decision for d in current if d.user_id == actor.id), "")
        open_now = rnd is not None and rnd.status == "TERBUKA" and app.status == st
        waiting = _waiting(s, app, rnd) if open_now and rnd else []
        return StageView(
            app_id=app_id, code=app.code or "", judul=app.judul, app_status=app.status, stage=st,
            stage_label=SHORT_LABELS[st], round_status=rnd.status if rnd else "BELUM", version=version,
            version_label=_version_label(doc_rows, version),
            skip_reason=rnd.skip_reason if rnd else "", documents=slots, decisions=rows, waiting=waiting,
            can_upload=open_now and may_upload(actor.viewer, facts, st),
            can_decide=open_now and may_decide(actor.viewer, facts, st) and version > 0 and not mine,
            my_decision=mine, decision_options=[d.value for d in allowed_decisions(actor.role)],
            can_skip=open_now and actor.role == Role.ADMIN and st in SKIPPABLE,
            stages=_stage_states(s, app_id, app.status),
        )


def _waiting(s: Session, app: Application, rnd: StageRound) -> list[str]:
    """"Menunggu" lines: who the open stage waits on and for how long."""
    days = _waiting_days(rnd)
    since = f"{days} hari kerja" if days else "sejak hari ini"
    return [f"{label} – {since}" for label in _pending_people(s, app, rnd)[1]]


def _stage_states(s: Session, app_id: int, status: str) -> list[tuple[str, str, str]]:
    rounds = {r.stage: r.status for r in s.exec(select(StageRound).where(StageRound.application_id == app_id))}
    return [(st.value, SHORT_LABELS[st], rounds.get(st.value, "BELUM")) for st in PEMBAHASAN]


def _name(user: User | None) -> str:
    return (user.nama_lengkap or user.email) if user else "–"


@dataclass
class PendingItem:
    app_id: int
    code: str
    judul: str
    stage: str
    stage_label: str
    since: str
    waiting_since: datetime


def waiting_for(actor: CurrentUser) -> list[PendingItem]:
    """"Perlu tindakan saya": open stages whose current version this approver has not decided."""
    if actor.role not in (Role.ADMIN, Role.TKKSD):
        return []
    from ..models import TkksdAssignment

    with session_scope() as s:
        q = select(Application, StageRound).join(StageRound, (StageRound.application_id == Application.id)
                                                 & (StageRound.stage == Application.status))
        q = q.where(StageRound.status == "TERBUKA", StageRound.version > 0)
        if actor.role == Role.TKKSD:
            q = q.join(TkksdAssignment, TkksdAssignment.application_id == Application.id).where(
                TkksdAssignment.user_id == actor.id)
        out = []
        for app, rnd in s.exec(q.order_by(StageRound.waiting_since)).all():
            if not _documents_complete(s, app.id or 0, Status(rnd.stage)):
                continue
            done = s.exec(select(StageDecision.id).where(
                StageDecision.application_id == app.id, StageDecision.stage == rnd.stage,
                StageDecision.round_version == rnd.version,
                (StageDecision.user_id == actor.id) if actor.role == Role.TKKSD
                else (StageDecision.role == Role.ADMIN))).first()
            if done is None:
                out.append(PendingItem(app.id or 0, app.code or "", app.judul, rnd.stage,
                                       SHORT_LABELS[Status(rnd.stage)],
                                       format_datetime(rnd.waiting_since, get_settings().timezone,
                                                       get_settings().tz_label), rnd.waiting_since))
        return out


def _threshold() -> int:
    return max(1, get_settings().reminder_workdays)


def _waiting_days(rnd: StageRound) -> int:
    tz = get_settings().timezone
    return working_days_between(to_local(rnd.waiting_since, tz).date(), to_local(utcnow(), tz).date())


def _pending_people(s: Session, app: Application, rnd: StageRound) -> tuple[set[int], list[str]]:
    """Who the open stage waits on: (user ids to remind, labels to show)."""
    st = Status(rnd.stage)
    facts = facts_of(s, app)
    if not _documents_complete(s, app.id or 0, st):
        return {i for i in (app.ppksd1_id, app.ppksd2_id) if i}, ["Pemohon (unggah dokumen)"]
    current = s.exec(select(StageDecision).where(StageDecision.application_id == app.id,
                                                 StageDecision.stage == st,
                                                 StageDecision.round_version == rnd.version)).all()
    if any(d.decision == Decision.REVISI for d in current):
        return {i for i in (app.ppksd1_id, app.ppksd2_id) if i}, ["Pemohon (unggah revisi)"]
    ids: set[int] = set()
    labels: list[str] = []
    if not any(d.role == Role.ADMIN for d in current):
        ids |= set(admin_ids(s))
        labels.append("Admin Bagian Kerja Sama")
    pending_tkksd = set(facts.tkksd_ids) - {d.user_id for d in current}
    for user in s.exec(select(User).where(User.id.in_(pending_tkksd))):  # type: ignore[union-attr]
        ids.add(user.id or 0)
        labels.append(f"{user.nama_lengkap} (TKKSD)")
    return ids, labels


@dataclass
class StalledRow:
    app_id: int
    code: str
    judul: str
    stage: str
    stage_label: str
    waiting_on: str
    days: int


def _open_rounds(s: Session) -> list[tuple[Application, StageRound]]:
    return list(s.exec(select(Application, StageRound).join(
        StageRound, (StageRound.application_id == Application.id) & (StageRound.stage == Application.status))
        .where(StageRound.status == "TERBUKA").order_by(StageRound.waiting_since)).all())


def stalled(actor: CurrentUser) -> list[StalledRow]:
    """For admins: open stages waiting longer than the reminder threshold, longest first."""
    if actor.role != Role.ADMIN:
        return []
    with session_scope() as s:
        out = []
        for app, rnd in _open_rounds(s):
            days = _waiting_days(rnd)
            if days >= _threshold():
                _, labels = _pending_people(s, app, rnd)
                out.append(StalledRow(app.id or 0, app.code or "", app.judul, rnd.stage,
                                      SHORT_LABELS[Status(rnd.stage)], ", ".join(labels), days))
        return out


def send_reminders() -> int:
    """Remind whoever an open stage waits on, once per multiple of the threshold; idempotent.

    Safe to run on several workers at once: the unique row per (stage version, person,
    threshold) decides who sends, so each reminder goes out once.
    """
    sent = 0
    with session_scope() as s:
        rounds = [(a.id, r.stage) for a, r in _open_rounds(s)]
    for app_id, stage in rounds:
        try:
            with session_scope() as s:
                app = s.get(Application, app_id)
                rnd = round_of(s, app_id or 0, stage)
                if app is None or rnd is None:
                    continue
                level = _waiting_days(rnd) // _threshold() * _threshold()
                if level == 0:
                    continue
                ids, _ = _pending_people(s, app, rnd)
                for uid in sorted(ids):
                    exists = s.exec(select(StageReminder.id).where(
                        StageReminder.application_id == app_id, StageReminder.stage == stage,
                        StageReminder.round_version == rnd.version, StageReminder.user_id == uid,
                        StageReminder.threshold == level)).first()
                    if exists:
                        continue
                    s.add(StageReminder(application_id=app_id, stage=stage, round_version=rnd.version,
                                        user_id=uid, threshold=level))
                    s.flush()
                    notify(s, {uid}, f"Pengingat: {SHORT_LABELS[Status(stage)]} {app.code} menunggu tindakan "
                           f"Anda sejak {level} hari kerja.", f"/pengajuan/{app_id}/pembahasan?tahap={stage}")
                    sent += 1
        except IntegrityError:
            continue  # another worker sent these reminders at the same moment
    return sent
