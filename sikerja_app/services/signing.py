"""Penjadwalan and Penandatanganan: the schedule back-and-forth, the signed copy, the record.

Every call takes the acting person and checks the application's state and their part in
it; the schedule's history is never rewritten (proposals only change status).
"""

import json
from dataclasses import dataclass, field

from sqlalchemy import update
from sqlmodel import Session, select

from ..config import get_settings
from ..db import session_scope
from ..domain.dates import format_date, format_datetime, to_local, utcnow
from ..domain.permissions import is_applicant
from ..domain.roles import Role
from ..domain.signing import METHOD_LABELS, PROPOSAL_LABELS, check_schedule, check_validity, parse_date
from ..domain.stages import STATUS_LABELS, Action, Actor, Status
from ..models import Agreement, AgreementDocument, Application, Opd, SignedCopy, SigningPlan, SigningProposal, User
from . import audit
from .app_access import load_visible, refuse
from .auth import CurrentUser
from .errors import ServiceError
from .notifications import admin_ids, notify
from .transitions import apply_transition


def _protokol_ids(s: Session) -> set[int]:
    return set(
        s.exec(
            select(User.id).where(
                User.role == Role.TKKSD,
                User.is_protokol.is_(True),  # type: ignore[attr-defined]
                User.is_active.is_(True),  # type: ignore[attr-defined]
            )
        )
    )  # noqa: E712


def _applicants(app: Application) -> set[int]:
    return {i for i in (app.ppksd1_id, app.ppksd2_id) if i}


def _link(app_id: int) -> str:
    return f"/pengajuan/{app_id}/penandatanganan"


def _load(s: Session, actor: CurrentUser, app_id: int, ip: str, status: Status) -> tuple[Application, bool]:
    app, facts = load_visible(s, actor, app_id, ip)
    if app.status != status:
        raise ServiceError("Tindakan ini tidak sesuai dengan tahap permohonan saat ini.")
    return app, is_applicant(actor.viewer, facts)


def _open_proposal(s: Session, app_id: int) -> SigningProposal | None:
    return s.exec(
        select(SigningProposal).where(SigningProposal.application_id == app_id, SigningProposal.status == "TERBUKA")
    ).first()


def _agree(
    s: Session, app: Application, plan: SigningPlan, proposal_id: int | None, actor_id: int | None, ip: str
) -> None:
    plan.agreed_proposal_id, plan.agreed_at, plan.updated_at = proposal_id, utcnow(), utcnow()
    s.add(plan)
    apply_transition(s, app, Action.AGREE_SCHEDULE, Actor.SYSTEM, actor_id, METHOD_LABELS[plan.method], ip)
    notify(
        s,
        _applicants(app) | set(admin_ids(s)) | _protokol_ids(s),
        f"Jadwal penandatanganan {app.code} disepakati ({METHOD_LABELS[plan.method].lower()}).",
        _link(app.id),
    )


def choose_method(actor: CurrentUser, app_id: int, method: str, ip: str = "") -> None:
    """The applicant chooses desk to desk (signing opens at once) or face to face (then proposes)."""
    if method not in METHOD_LABELS:
        raise ServiceError("Pilih cara penandatanganan.", {"metode": "Pilih cara penandatanganan."})
    with session_scope() as s:
        app, applicant = _load(s, actor, app_id, ip, Status.PENJADWALAN)
        if not applicant:
            raise refuse(actor, app_id, ip, "pilih cara ttd")
        plan = s.get(SigningPlan, app_id)
        if plan and plan.switched_by_protokol:
            raise ServiceError("Protokol telah mengalihkan penandatanganan ke meja ke meja.")
        if _open_proposal(s, app_id):
            raise ServiceError("Masih ada usulan jadwal yang menunggu jawaban.")
        plan = plan or SigningPlan(application_id=app_id, method=method)
        plan.method, plan.updated_at = method, utcnow()
        s.add(plan)
        audit.record(s, "CARA_TTD", actor.id, "application", app_id, ip, method)
        if method == "MEJA":
            _agree(s, app, plan, None, actor.id, ip)


def propose(actor: CurrentUser, app_id: int, day: str, at: str, place: str, note: str = "", ip: str = "") -> int:
    """A face-to-face proposal: by the applicant, or the Protokol's revised schedule."""
    cfg = get_settings()
    checked = check_schedule(day, at, place, utcnow(), cfg.timezone)
    with session_scope() as s:
        app, applicant = _load(s, actor, app_id, ip, Status.PENJADWALAN)
        plan = s.get(SigningPlan, app_id)
        side = "PEMOHON" if applicant else "PROTOKOL" if actor.is_protokol else ""
        if not side:
            raise refuse(actor, app_id, ip, "usul jadwal")
        if plan is None or plan.method != "TATAP_MUKA":
            raise ServiceError("Pilih penandatanganan tatap muka terlebih dahulu.")
        if plan.switched_by_protokol:
            raise ServiceError(
                "Protokol telah mengalihkan penandatanganan ke meja ke meja; usulan tidak dapat dikirim."
            )
        current = _open_proposal(s, app_id)
        if current is not None and current.side == side:
            raise ServiceError("Usulan Anda sebelumnya masih menunggu jawaban.")
        if side == "PROTOKOL" and current is None:
            raise ServiceError("Tidak ada usulan pemohon yang perlu dijawab.")
        if checked.errors:
            raise ServiceError("Periksa kembali usulan jadwal.", checked.errors)
        if current is not None:  # a counter-proposal replaces the other side's open one
            _close(s, current, "DIREVISI", actor.id)
        prop = SigningProposal(
            application_id=app_id,
            proposed_by=actor.id,
            side=side,
            starts_at=checked.starts_at_utc,
            place=place.strip(),
            note=(note or "").strip()[:2000],
        )
        s.add(prop)
        s.flush()
        audit.record(s, "USUL_JADWAL", actor.id, "application", app_id, ip, f"{side} usulan={prop.id}")
        when = format_datetime(prop.starts_at, cfg.timezone, cfg.tz_label)
        to = _protokol_ids(s) if side == "PEMOHON" else _applicants(app)
        verb = "Usulan jadwal" if side == "PEMOHON" and current is None else "Revisi jadwal"
        notify(s, to, f"{verb} penandatanganan {app.code}: {when}, {prop.place}.", _link(app_id))
        return prop.id or 0


def _close(s: Session, prop: SigningProposal, status: str, actor_id: int) -> None:
    """Close an open proposal exactly once (a racing second answer finds it closed)."""
    done = s.exec(
        update(SigningProposal)
        .where(  # type: ignore[call-overload]
            SigningProposal.id == prop.id, SigningProposal.status == "TERBUKA"
        )
        .values(status=status, responded_by=actor_id, responded_at=utcnow())
    )
    if done.rowcount != 1:
        raise ServiceError("Usulan ini baru saja dijawab. Muat ulang halaman.")
    s.refresh(prop)


def respond(actor: CurrentUser, app_id: int, proposal_id: int, answer: str, note: str = "", ip: str = "") -> None:
    """Accept the other side's open proposal; the Protokol may also reject and switch to desk to desk."""
    with session_scope() as s:
        app, applicant = _load(s, actor, app_id, ip, Status.PENJADWALAN)
        plan = s.get(SigningPlan, app_id)
        prop = s.get(SigningProposal, int(proposal_id))
        if prop is None or prop.application_id != app_id or prop.status != "TERBUKA":
            raise ServiceError("Usulan ini sudah tidak menunggu jawaban.")
        answering = "PEMOHON" if applicant else "PROTOKOL" if actor.is_protokol else ""
        if not answering or answering == prop.side:
            raise refuse(actor, app_id, ip, "jawab jadwal")
        if plan is None or plan.switched_by_protokol:
            raise ServiceError("Penandatanganan sudah dialihkan ke meja ke meja.")
        if answer == "TERIMA":
            _close(s, prop, "DITERIMA", actor.id)
            audit.record(s, "TERIMA_JADWAL", actor.id, "application", app_id, ip, f"usulan={prop.id}")
            _agree(s, app, plan, prop.id, actor.id, ip)
        elif answer == "ALIHKAN" and answering == "PROTOKOL":
            if not (note or "").strip():
                raise ServiceError("Tulis alasan pengalihan.", {"catatan": "Tulis alasan pengalihan."})
            _close(s, prop, "DITOLAK", actor.id)
            prop.note = (prop.note + "\n" if prop.note else "") + f"Alasan protokol: {note.strip()[:1000]}"
            s.add(prop)
            plan.method, plan.switched_by_protokol = "MEJA", True
            audit.record(s, "ALIHKAN_MEJA", actor.id, "application", app_id, ip, note[:200])
            _agree(s, app, plan, None, actor.id, ip)
        else:
            raise ServiceError("Jawaban tidak dikenal.")


@dataclass
class ProposalRow:
    id: int
    side: str
    who: str
    when: str
    place: str
    status: str
    status_label: str
    note: str
    answered: str


@dataclass
class SignedCopyRow:
    id: int
    file_id: int
    name: str
    status: str
    when: str
    reason: str


@dataclass
class SigningView:
    app_id: int
    code: str
    judul: str
    status: str
    status_label: str
    method: str
    method_label: str
    switched: bool
    agreed_when: str
    agreed_place: str
    proposals: list[ProposalRow]
    open_proposal_id: int
    open_side: str
    may_choose: bool
    may_propose: bool
    may_answer: bool
    is_protokol: bool
    is_applicant: bool
    is_admin: bool
    copies: list[SignedCopyRow] = field(default_factory=list)
    may_upload_copy: bool = False
    pending_copy_id: int = 0
    may_record: bool = False
    agreement_id: int = 0
    opd_choices: list[tuple[int, str]] = field(default_factory=list)


def view(actor: CurrentUser, app_id: int, ip: str = "") -> SigningView:
    cfg = get_settings()
    with session_scope() as s:
        app, facts = load_visible(s, actor, app_id, ip)
        if app.status not in (
            Status.PENJADWALAN,
            Status.PENANDATANGANAN,
            Status.PELAKSANAAN,
            Status.BERAKHIR,
            Status.DICABUT,
        ):
            raise ServiceError("Permohonan ini belum sampai tahap penjadwalan.")
        applicant = is_applicant(actor.viewer, facts)
        plan = s.get(SigningPlan, app_id)
        props = s.exec(
            select(SigningProposal).where(SigningProposal.application_id == app_id).order_by(SigningProposal.id)
        ).all()
        names = {
            u.id: u.nama_lengkap
            for u in s.exec(
                select(User).where(
                    User.id.in_(  # type: ignore[union-attr]
                        {p.proposed_by for p in props} | {p.responded_by for p in props if p.responded_by}
                    )
                )
            )
        }
        rows = [
            ProposalRow(
                p.id or 0,
                p.side,
                names.get(p.proposed_by, ""),
                format_datetime(p.starts_at, cfg.timezone, cfg.tz_label),
                p.place,
                p.status,
                PROPOSAL_LABELS[p.status],
                p.note,
                format_datetime(p.responded_at, cfg.timezone, cfg.tz_label) if p.responded_at else "",
            )
            for p in props
        ]
        open_p = next((p for p in props if p.status == "TERBUKA"), None)
        agreed = next((p for p in props if plan and p.id == plan.agreed_proposal_id), None)
        scheduling = app.status == Status.PENJADWALAN
        switched = bool(plan and plan.switched_by_protokol)
        copies = s.exec(select(SignedCopy).where(SignedCopy.application_id == app_id).order_by(SignedCopy.id)).all()
        from ..models import StoredFile

        files = {
            f.id: f.original_name
            for f in s.exec(select(StoredFile).where(StoredFile.id.in_({c.file_id for c in copies})))
        }  # type: ignore[union-attr]
        pending = next((c for c in copies if c.status == "MENUNGGU"), None)
        valid = any(c.status == "VALID" for c in copies)
        ag = s.exec(select(Agreement.id).where(Agreement.application_id == app_id)).first()
        return SigningView(
            app_id=app_id,
            code=app.code or "",
            judul=app.judul,
            status=app.status,
            status_label=STATUS_LABELS[Status(app.status)],
            method=plan.method if plan else "",
            method_label=METHOD_LABELS.get(plan.method, "") if plan else "",
            switched=switched,
            agreed_when=format_datetime(agreed.starts_at, cfg.timezone, cfg.tz_label) if agreed else "",
            agreed_place=agreed.place if agreed else "",
            proposals=rows,
            open_proposal_id=open_p.id if open_p else 0,
            open_side=open_p.side if open_p else "",
            may_choose=scheduling and applicant and not switched and open_p is None,
            may_propose=scheduling
            and applicant
            and not switched
            and bool(plan)
            and plan.method == "TATAP_MUKA"
            and (open_p is None or open_p.side == "PROTOKOL"),
            may_answer=scheduling
            and not switched
            and open_p is not None
            and ((applicant and open_p.side == "PROTOKOL") or (actor.is_protokol and open_p.side == "PEMOHON")),
            is_protokol=actor.is_protokol,
            is_applicant=applicant,
            is_admin=actor.role == Role.ADMIN,
            copies=[
                SignedCopyRow(
                    c.id or 0,
                    c.file_id,
                    files.get(c.file_id, ""),
                    c.status,
                    format_datetime(c.created_at, cfg.timezone, cfg.tz_label),
                    c.reason,
                )
                for c in copies
            ],
            may_upload_copy=app.status == Status.PENANDATANGANAN and applicant and pending is None and not valid,
            pending_copy_id=pending.id if pending and actor.role == Role.ADMIN else 0,
            may_record=app.status == Status.PENANDATANGANAN and actor.role == Role.ADMIN and valid,
            agreement_id=ag or 0,
            opd_choices=[
                (o.id or 0, f"{o.nama} ({o.singkatan})")
                for o in s.exec(select(Opd).where(Opd.aktif.is_(True)).order_by(Opd.nama))  # type: ignore[attr-defined]
            ],
        )


def ics(actor: CurrentUser, app_id: int, ip: str = "") -> tuple[str, bytes]:
    """The agreed face-to-face schedule as an iCalendar event in the region's zone."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    cfg = get_settings()
    with session_scope() as s:
        app, _ = load_visible(s, actor, app_id, ip)
        plan = s.get(SigningPlan, app_id)
        prop = s.get(SigningProposal, plan.agreed_proposal_id) if plan and plan.agreed_proposal_id else None
        if prop is None:
            raise ServiceError("Belum ada jadwal tatap muka yang disepakati.")
        start = to_local(prop.starts_at, cfg.timezone).replace(tzinfo=ZoneInfo(cfg.timezone))
        cal = Calendar()
        cal.add("prodid", "-//Si KERJA//Kerja Sama Daerah//ID")
        cal.add("version", "2.0")
        ev = Event()
        ev.add("uid", f"ttd-{app.id}-{prop.id}@sikerja")
        ev.add("dtstamp", utcnow())
        ev.add("dtstart", start)
        ev.add("duration", __import__("datetime").timedelta(hours=1))
        ev.add("summary", f"Penandatanganan kerja sama {app.code}")
        ev.add("location", prop.place)
        ev.add("description", f"{app.judul}\n{cfg.region_name} – Bagian Kerja Sama")
        cal.add_component(ev)
        cal.add_missing_timezones()
        audit.record(s, "UNDUH_ICS", actor.id, "application", app_id, ip)
        return f"jadwal-{app.code}.ics", cal.to_ical()


def upload_signed_copy(
    actor: CurrentUser, app_id: int, file_id: int, paraf: bool, meterai: bool, stempel: bool, ip: str = ""
) -> None:
    from .files import claim_file

    if not (paraf and meterai and stempel):
        raise ServiceError(
            "Nyatakan bahwa paraf, meterai dan stempel sudah lengkap.",
            {"deklarasi": "Centang ketiga pernyataan: paraf, meterai dan stempel."},
        )
    with session_scope() as s:
        app, applicant = _load(s, actor, app_id, ip, Status.PENANDATANGANAN)
        if not applicant:
            raise refuse(actor, app_id, ip, "unggah naskah ttd")
        if s.exec(
            select(SignedCopy).where(SignedCopy.application_id == app_id, SignedCopy.status.in_(["MENUNGGU", "VALID"]))
        ).first():  # type: ignore[attr-defined]
            raise ServiceError("Naskah bertanda tangan sebelumnya masih diperiksa atau sudah valid.")
        stored = claim_file(s, actor, file_id)
        s.add(
            SignedCopy(
                application_id=app_id,
                file_id=stored.id,
                uploaded_by=actor.id,
                declared_paraf=True,
                declared_meterai=True,
                declared_stempel=True,
            )
        )
        audit.record(s, "UNGGAH_NASKAH_TTD", actor.id, "application", app_id, ip, f"berkas={stored.id}")
        notify(s, set(admin_ids(s)), f"Naskah bertanda tangan {app.code} diunggah; mohon diperiksa.", _link(app_id))


def review_signed_copy(
    actor: CurrentUser, app_id: int, copy_id: int, valid: bool, reason: str = "", ip: str = ""
) -> None:
    if actor.role != Role.ADMIN:
        refuse(actor, app_id, ip, "periksa naskah ttd")
        raise ServiceError("Hanya admin yang memeriksa naskah bertanda tangan.")
    if not valid and not (reason or "").strip():
        raise ServiceError("Tulis alasan pengembalian.", {"alasan": "Tulis alasan pengembalian."})
    with session_scope() as s:
        app, _ = _load(s, actor, app_id, ip, Status.PENANDATANGANAN)
        done = s.exec(
            update(SignedCopy)
            .where(  # type: ignore[call-overload]
                SignedCopy.id == int(copy_id), SignedCopy.application_id == app_id, SignedCopy.status == "MENUNGGU"
            )
            .values(
                status="VALID" if valid else "DIKEMBALIKAN",
                reviewed_by=actor.id,
                reviewed_at=utcnow(),
                reason=(reason or "").strip()[:2000],
            )
        )
        if done.rowcount != 1:
            raise ServiceError("Naskah ini sudah diperiksa.")
        audit.record(s, "VALIDASI_NASKAH" if valid else "KEMBALIKAN_NASKAH", actor.id, "application", app_id, ip)
        notify(
            s,
            _applicants(app),
            f"Naskah bertanda tangan {app.code} "
            + ("dinyatakan valid." if valid else f"dikembalikan: {reason.strip()[:200]}"),
            _link(app_id),
        )


@dataclass
class SigningRecord:
    nomor_daerah: str = ""
    nomor_mitra: str = ""
    tanggal_ttd: str = ""
    berlaku_mulai: str = ""
    berlaku_sampai: str = ""
    opd_id: int = 0
    bentuk: str = "PKS"
    confirm_long: bool = False
    file_ids: list[int] = field(default_factory=list)  # scans of the signed KB/PKS


def record_signing(actor: CurrentUser, app_id: int, rec: SigningRecord, ip: str = "") -> int:
    """Admin records the signed agreement: it enters the register and the application PELAKSANAAN."""
    from .files import claim_file

    if actor.role != Role.ADMIN:
        refuse(actor, app_id, ip, "catat ttd")
        raise ServiceError("Hanya admin yang mencatat penandatanganan.")
    cfg = get_settings()
    today = to_local(utcnow(), cfg.timezone).date()
    ttd, start, end = parse_date(rec.tanggal_ttd), parse_date(rec.berlaku_mulai), parse_date(rec.berlaku_sampai)
    errors = check_validity(ttd, start, end, today, rec.confirm_long)
    for key, label in (("nomor_daerah", "Nomor pihak daerah"), ("nomor_mitra", "Nomor pihak mitra")):
        value = getattr(rec, key).strip()
        if not value:
            errors[key] = f"{label} wajib diisi."
        elif len(value) > 100:
            errors[key] = f"{label} paling banyak 100 karakter."
    if not rec.file_ids:
        errors["berkas"] = "Unggah pindaian naskah yang sudah ditandatangani."
    if rec.bentuk not in ("KB", "PKS", "NOTA_KESEPAKATAN"):
        errors["bentuk"] = "Pilih bentuk naskah."
    with session_scope() as s:
        if not rec.opd_id or s.get(Opd, int(rec.opd_id)) is None:
            errors["opd_id"] = "Pilih OPD pelaksana."
        if errors:
            raise ServiceError("Periksa kembali data penandatanganan.", errors)
        app, _ = _load(s, actor, app_id, ip, Status.PENANDATANGANAN)
        if not s.exec(
            select(SignedCopy).where(SignedCopy.application_id == app_id, SignedCopy.status == "VALID")
        ).first():
            raise ServiceError("Validasi naskah bertanda tangan dari pemohon terlebih dahulu.")
        inst = json.loads(app.instansi_snapshot or "{}")
        ag = Agreement(
            application_id=app_id,
            source="SISTEM",
            judul=app.judul,
            bentuk=rec.bentuk,
            mitra_nama=inst.get("nama", ""),
            mitra_jenis_kode=inst.get("jenis_kode", ""),
            mitra_kabkota_kode=inst.get("kabkota_kode") or None,
            urusan_kode=app.urusan_kode,
            opd_id=int(rec.opd_id),
            nomor_daerah=rec.nomor_daerah.strip(),
            nomor_mitra=rec.nomor_mitra.strip(),
            tanggal_ttd=ttd,
            berlaku_mulai=start,
            berlaku_sampai=end,
            created_by=actor.id,
        )
        s.add(ag)
        s.flush()
        for fid in rec.file_ids:
            stored = claim_file(s, actor, fid)
            s.add(AgreementDocument(agreement_id=ag.id, kind=f"{rec.bentuk}_TTD", file_id=stored.id))
        apply_transition(
            s,
            app,
            Action.RECORD_SIGNING,
            Actor.ADMIN,
            actor.id,
            f"Nomor {ag.nomor_daerah} / {ag.nomor_mitra}; berlaku {format_date(start, cfg.timezone)}"
            f" s.d. {format_date(end, cfg.timezone)}",
            ip,
        )
        audit.record(s, "CATAT_TTD", actor.id, "agreement", ag.id, ip, f"application={app_id}")
        opd_users = set(s.exec(select(User.id).where(User.role == Role.OPD, User.opd_id == ag.opd_id)))
        notify(
            s,
            _applicants(app) | opd_users,
            f"Kerja sama {app.code} resmi ditandatangani dan tercatat di register. Laporan monev berkala dimulai.",
            f"/register/{ag.id}",
        )
        return ag.id or 0


def waiting_for_protokol(actor: CurrentUser) -> list[tuple[int, str, str, str]]:
    """(application id, code, title, proposed time) of proposals waiting for the Protokol's answer."""
    if not actor.is_protokol:
        return []
    cfg = get_settings()
    with session_scope() as s:
        rows = s.exec(
            select(SigningProposal, Application)
            .join(Application, Application.id == SigningProposal.application_id)
            .where(
                SigningProposal.status == "TERBUKA",
                SigningProposal.side == "PEMOHON",
                Application.status == Status.PENJADWALAN,
            )
            .order_by(SigningProposal.starts_at)
        ).all()
        return [
            (a.id or 0, a.code or "", a.judul, format_datetime(p.starts_at, cfg.timezone, cfg.tz_label))
            for p, a in rows
        ]


def empty_view() -> SigningView:
    """A blank view for pages before anything is loaded (or when access is refused)."""
    return SigningView(
        app_id=0,
        code="",
        judul="",
        status="",
        status_label="",
        method="",
        method_label="",
        switched=False,
        agreed_when="",
        agreed_place="",
        proposals=[],
        open_proposal_id=0,
        open_side="",
        may_choose=False,
        may_propose=False,
        may_answer=False,
        is_protokol=False,
        is_applicant=False,
        is_admin=False,
    )
