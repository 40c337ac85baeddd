"""The applicant's side: drafts, the wizard, submission and the own list."""

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ..config import get_settings
from ..db import session_scope
from ..domain import regcode
from ..domain.application_form import (
    JUDUL_MAX,
    NARRATIVE_KEYS,
    validate_step1,
    validate_step2,
    validate_step3,
)
from ..domain.dates import to_local, utcnow
from ..domain.permissions import can_be_ppksd2, can_edit_content
from ..domain.stages import Action, Actor, Status, TransitionError, check_transition
from ..models import (
    Application,
    ApplicationEvent,
    ApplicationOpd,
    ApplicationRevision,
    Instansi,
    Opd,
    User,
)
from . import audit
from .app_access import facts_of, load_visible, refuse
from .auth import CurrentUser
from .errors import Forbidden, ServiceError
from .notifications import admin_ids, notify
from .profile import biodata_complete, instansi_data, validate_instansi
from .reference import urusan_codes

EDITABLE_TEXT = ("judul", "urusan_kode", *NARRATIVE_KEYS)
# A hard ceiling on stored text, far above every word limit, so a hostile client
# cannot fill the database; the word limits themselves are checked on submit.
MAX_TEXT_CHARS = 20_000
_MAX_CHARS = {"judul": JUDUL_MAX, "urusan_kode": 10}  # the column sizes


@dataclass
class Draft:
    id: int
    status: str
    code: str
    wizard_step: int
    judul: str
    urusan_kode: str
    texts: dict[str, str]
    ppksd2_id: int | None
    opd_ids: list[int]
    admin_note: str
    revision: int


def _editable(s: Session, actor: CurrentUser, app_id: int, ip: str = "") -> Application:
    app, facts = load_visible(s, actor, app_id, ip)
    if not can_edit_content(actor.viewer, facts):
        raise refuse(actor, app_id, ip, "ubah")
    return app


def start_draft(actor: CurrentUser, renewal_of: int | None = None) -> int:
    """A new draft for PPKSD-1; an untouched earlier draft is reused instead."""
    if actor.role != "PEMOHON":
        raise Forbidden("Hanya pemohon yang dapat membuat permohonan.")
    with session_scope() as s:
        user = s.get(User, actor.id)
        if user is None or user.instansi_id is None:
            raise ServiceError("Lengkapi data instansi di Pengaturan terlebih dahulu.")
        empty = s.exec(select(Application).where(
            Application.ppksd1_id == actor.id, Application.status == Status.DRAFT,
            Application.judul == "", Application.instansi_id == user.instansi_id,
        )).first()
        if empty is not None:
            return empty.id or 0
        app = Application(instansi_id=user.instansi_id, ppksd1_id=actor.id, renewal_of_id=renewal_of)
        s.add(app)
        s.flush()
        s.add(ApplicationEvent(application_id=app.id, actor_id=actor.id, action="DRAFT_DIBUAT",
                               to_status=Status.DRAFT))
        return app.id or 0


def get_draft(actor: CurrentUser, app_id: int) -> Draft:
    with session_scope() as s:
        app = _editable(s, actor, app_id)
        opds = s.exec(select(ApplicationOpd.opd_id).where(ApplicationOpd.application_id == app.id))
        return Draft(
            id=app.id or 0, status=app.status, code=app.code or "", wizard_step=app.wizard_step,
            judul=app.judul, urusan_kode=app.urusan_kode,
            texts={k: getattr(app, k) for k in NARRATIVE_KEYS},
            ppksd2_id=app.ppksd2_id, opd_ids=sorted(opds), admin_note=app.admin_note,
            revision=app.revision,
        )


def save_field(actor: CurrentUser, app_id: int, name: str, value: str) -> None:
    """Autosave of one wizard field while the user types."""
    if name not in EDITABLE_TEXT:
        raise ServiceError("Isian tidak dikenal.")
    value = str(value)
    if len(value) > _MAX_CHARS.get(name, MAX_TEXT_CHARS):
        raise ServiceError("Isian terlalu panjang untuk disimpan.")
    with session_scope() as s:
        app = _editable(s, actor, app_id)
        setattr(app, name, value)
        app.updated_at = utcnow()
        s.add(app)


def set_step(actor: CurrentUser, app_id: int, step: int) -> None:
    with session_scope() as s:
        app = _editable(s, actor, app_id)
        app.wizard_step = max(1, min(3, int(step)))
        s.add(app)


def set_ppksd2(actor: CurrentUser, app_id: int, user_id: int | None) -> None:
    with session_scope() as s:
        app = _editable(s, actor, app_id)
        if user_id is not None:
            cand = s.get(User, user_id)
            if cand is None or not can_be_ppksd2(
                cand.role, cand.instansi_id, cand.id or 0, cand.is_active, facts_of(s, app)
            ):
                raise ServiceError("PPKSD-2 harus pengguna lain dari instansi yang sama.",
                                   {"ppksd2": "PPKSD-2 harus pengguna lain dari instansi yang sama."})
        app.ppksd2_id = user_id
        s.add(app)


def set_opds(actor: CurrentUser, app_id: int, opd_ids: list[int]) -> None:
    with session_scope() as s:
        app = _editable(s, actor, app_id)
        wanted = {int(i) for i in opd_ids}
        known = set(s.exec(select(Opd.id).where(Opd.id.in_(wanted), Opd.aktif == True)))  # type: ignore[union-attr]  # noqa: E712
        if known != wanted:
            raise ServiceError("OPD tidak dikenal.", {"opd": "Pilih OPD dari daftar."})
        current = set(s.exec(select(ApplicationOpd.opd_id).where(ApplicationOpd.application_id == app.id)))
        for oid in current - wanted:
            s.delete(s.get(ApplicationOpd, (app.id, oid)))
        for oid in wanted - current:
            s.add(ApplicationOpd(application_id=app.id, opd_id=oid))


def ppksd2_candidates(actor: CurrentUser, app_id: int, query: str = "") -> list[tuple[int, str]]:
    """Other applicants of the same institution, searchable by name or email."""
    with session_scope() as s:
        app = _editable(s, actor, app_id)
        q = select(User).where(
            User.instansi_id == app.instansi_id, User.role == "PEMOHON",
            User.is_active == True, User.id != actor.id,  # noqa: E712
        )
        term = query.strip().lower()
        if term:
            q = q.where(or_(User.nama_lengkap.ilike(f"%{term}%"), User.email.ilike(f"%{term}%")))  # type: ignore[attr-defined]
        return [(u.id or 0, f"{u.nama_lengkap or u.email} – {u.jabatan or u.email}")
                for u in s.exec(q.order_by(User.nama_lengkap).limit(20))]


def step_errors(actor: CurrentUser, app_id: int, step: int) -> dict[str, str]:
    """Server-side validation of one wizard step (1, 2 or 3)."""
    with session_scope() as s:
        app = _editable(s, actor, app_id)
        return _step_errors(s, app, step)


def _step_errors(s: Session, app: Application, step: int) -> dict[str, str]:
    if step == 1:
        inst = s.get(Instansi, app.instansi_id)
        ok = inst is not None and not validate_instansi(instansi_data(inst))
        return validate_step1(app.judul, app.urusan_kode, urusan_codes(), ok)
    if step == 2:
        user = s.get(User, app.ppksd1_id)
        ppksd2_ok = app.ppksd2_id is None or _ppksd2_valid(s, app)
        return validate_step2(ppksd2_ok, user is not None and biodata_complete(user))
    opd_count = len(s.exec(select(ApplicationOpd).where(ApplicationOpd.application_id == app.id)).all())
    return validate_step3({k: getattr(app, k) for k in NARRATIVE_KEYS}, opd_count)


def _ppksd2_valid(s: Session, app: Application) -> bool:
    cand = s.get(User, app.ppksd2_id)
    return cand is not None and can_be_ppksd2(
        cand.role, cand.instansi_id, cand.id or 0, cand.is_active, facts_of(s, app))


@dataclass
class SubmitResult:
    code: str
    errors: dict[str, str] = field(default_factory=dict)
    step_with_error: int = 0


def submit(actor: CurrentUser, app_id: int, pakta: bool, ip: str) -> SubmitResult:
    """Submit (or resubmit) once. A second call after success returns the same code."""
    with session_scope() as s:
        app, facts = load_visible(s, actor, app_id, ip)
        if app.status == Status.DIAJUKAN and app.ppksd1_id == actor.id and app.code:
            return SubmitResult(code=app.code)  # a double click: nothing new happens
        if not can_edit_content(actor.viewer, facts):
            raise refuse(actor, app_id, ip, "ajukan")
        for step in (1, 2, 3):
            errs = _step_errors(s, app, step)
            if step == 3 and not pakta:  # shown together with the step's other errors
                errs["pakta"] = "Anda harus menyetujui pakta integritas."
            if errs:
                return SubmitResult(code="", errors=errs, step_with_error=step)
        _do_submit(s, app, actor, ip)
    return SubmitResult(code=_ensure_code(app_id))


def _do_submit(s: Session, app: Application, actor: CurrentUser, ip: str) -> None:
    source = Status(app.status)
    try:
        target = check_transition(Action.SUBMIT, source, Actor.APPLICANT)
    except TransitionError as exc:
        raise ServiceError(str(exc)) from exc
    now = utcnow()
    changed = s.exec(update(Application).where(  # type: ignore[call-overload]
        Application.id == app.id, Application.status == source
    ).values(status=target, status_changed_at=now))
    if changed.rowcount != 1:
        raise ServiceError("Permohonan ini baru saja berubah. Muat ulang halaman.")
    s.refresh(app)
    user = s.get(User, actor.id)
    inst = s.get(Instansi, app.instansi_id)
    app.instansi_snapshot = json.dumps(asdict(instansi_data(inst)), ensure_ascii=False)
    app.ppksd1_snapshot = json.dumps(_ppksd_snapshot(user), ensure_ascii=False)
    app.pakta_user_id, app.pakta_at, app.pakta_ip = actor.id, now, ip[:64]
    app.revision += 1
    app.submitted_at = app.submitted_at or now
    app.updated_at = now
    s.add(app)
    s.add(ApplicationRevision(application_id=app.id, number=app.revision, submitted_by=actor.id,
                              content=json.dumps(_content(s, app), ensure_ascii=False)))
    s.add(ApplicationEvent(application_id=app.id, actor_id=actor.id, action=Action.SUBMIT,
                           from_status=source, to_status=target,
                           note="Pengajuan ulang setelah perbaikan" if app.revision > 1 else ""))
    audit.record(s, "AJUKAN", actor.id, "application", app.id, ip, f"revisi={app.revision}")
    notify(s, admin_ids(s), f"Permohonan baru diajukan: {app.judul[:120]}", f"/pengajuan/{app.id}")


def _ensure_code(app_id: int) -> str:
    """Give the application its code, retrying on the (unlikely) unique collision."""
    for _ in range(10):
        try:
            with session_scope() as s:
                app = s.get(Application, app_id)
                if app.code:
                    return app.code
                year = to_local(app.submitted_at or utcnow(), get_settings().timezone).year
                app.code = regcode.new_code(year)
                s.add(app)
                return app.code
        except IntegrityError:
            continue
    raise ServiceError("Kode registrasi gagal dibuat. Silakan coba lagi.")


def _ppksd_snapshot(user: User) -> dict[str, str]:
    return {k: getattr(user, k) or "" for k in (
        "nama_lengkap", "nik", "nomor_pegawai", "telepon", "email", "unit_kerja", "jabatan")}


def _content(s: Session, app: Application) -> dict:
    opds = s.exec(select(ApplicationOpd.opd_id).where(ApplicationOpd.application_id == app.id))
    return {
        "judul": app.judul, "urusan_kode": app.urusan_kode, "ppksd2_id": app.ppksd2_id,
        "opd_ids": sorted(opds), **{k: getattr(app, k) for k in NARRATIVE_KEYS},
    }


@dataclass
class AppSummary:
    id: int
    code: str
    judul: str
    status: str
    created_at: datetime
    submitted_at: datetime | None
    status_changed_at: datetime
    role_in_app: str


def list_mine(actor: CurrentUser) -> list[AppSummary]:
    with session_scope() as s:
        rows = s.exec(select(Application).where(
            Application.instansi_id == actor.instansi_id,
            or_(Application.ppksd1_id == actor.id,
                (Application.ppksd2_id == actor.id) & (Application.status != Status.DRAFT)),
        ).order_by(Application.updated_at.desc())).all()  # type: ignore[attr-defined]
        return [AppSummary(
            id=a.id or 0, code=a.code or "", judul=a.judul or "(belum berjudul)", status=a.status,
            created_at=a.created_at, submitted_at=a.submitted_at,
            status_changed_at=a.status_changed_at,
            role_in_app="PPKSD-1" if a.ppksd1_id == actor.id else "PPKSD-2",
        ) for a in rows]


def withdraw(actor: CurrentUser, app_id: int, ip: str = "") -> None:
    """The applicant withdraws before signing (final)."""
    from .transitions import apply_transition

    with session_scope() as s:
        app, facts = load_visible(s, actor, app_id, ip)
        if actor.id not in (facts.ppksd1_id, facts.ppksd2_id) or actor.role != "PEMOHON":
            raise refuse(actor, app_id, ip, "batalkan")
        apply_transition(s, app, Action.WITHDRAW, Actor.APPLICANT, actor.id, "", ip)



def list_assigned(actor: CurrentUser) -> list[AppSummary]:
    """For a TKKSD member: the applications assigned to them."""
    from ..models import TkksdAssignment

    if actor.role != "TKKSD":
        return []
    with session_scope() as s:
        rows = s.exec(select(Application).join(
            TkksdAssignment, TkksdAssignment.application_id == Application.id
        ).where(TkksdAssignment.user_id == actor.id).order_by(Application.status_changed_at.desc())).all()  # type: ignore[attr-defined]
        return [AppSummary(
            id=a.id or 0, code=a.code or "", judul=a.judul, status=a.status, created_at=a.created_at,
            submitted_at=a.submitted_at, status_changed_at=a.status_changed_at, role_in_app="TKKSD",
        ) for a in rows]
