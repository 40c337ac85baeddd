"""A read model of one application for its detail page and the admin review."""

import json
from dataclasses import dataclass, field

from sqlmodel import select

from ..config import get_settings
from ..db import session_scope
from ..domain.application_form import NARRATIVE_FIELDS
from ..domain.dates import format_datetime
from ..domain.jenis_pemohon import jenis_pemohon_list
from ..domain.permissions import is_applicant
from ..domain.roles import role_label
from ..domain.stages import (
    STATUS_LABELS,
    Action,
    Actor,
    Status,
    actor_for_role,
    allowed_actions,
)
from ..models import (
    ApplicationEvent,
    ApplicationOpd,
    ApplicationRevision,
    Instansi,
    Opd,
    User,
)
from .app_access import load_visible
from .auth import CurrentUser
from .profile import instansi_data
from .reference import kabkota_label, urusan_label

EVENT_LABELS = {
    "DRAFT_DIBUAT": "Draf dibuat",
    Action.SUBMIT: "Diajukan",
    Action.RETURN: "Dikembalikan untuk perbaikan",
    Action.REJECT: "Ditolak",
    Action.APPROVE_INTAKE: "Diverifikasi – tahap Penawaran dibuka",
    Action.APPROVE_STAGE: "Tahap disetujui",
    Action.SKIP_STAGE: "Tahap dinyatakan tidak diperlukan",
    Action.AGREE_SCHEDULE: "Jadwal penandatanganan disepakati",
    Action.RECORD_SIGNING: "Penandatanganan dicatat",
    Action.EXPIRE: "Masa berlaku berakhir",
    Action.WITHDRAW: "Dibatalkan oleh pemohon",
    Action.REVOKE: "Dicabut",
}


@dataclass
class TimelineItem:
    when: str
    label: str
    who: str
    note: str


@dataclass
class AppView:
    id: int
    code: str
    status: str
    status_label: str
    judul: str
    urusan: str
    instansi: list[tuple[str, str]]
    ppksd1: list[tuple[str, str]]
    ppksd2: str
    opd: list[str]
    narratives: list[tuple[str, str]]
    admin_note: str
    pakta: str
    tkksd: list[str]
    timeline: list[TimelineItem]
    revisions: int
    submitted: str = ""
    versions: list[tuple[str, str]] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    is_applicant: bool = False


def _instansi_rows(data: dict[str, str]) -> list[tuple[str, str]]:
    s = get_settings()
    jenis = {j.kode: j.label for j in jenis_pemohon_list(s.region_name, s.province_name)}
    return [
        ("Nama instansi", data.get("nama", "")),
        ("Jenis pemohon", jenis.get(data.get("jenis_kode", ""), "")),
        ("Kabupaten/kota", kabkota_label(data.get("kabkota_kode"))),
        ("Kode pos", data.get("kode_pos", "")),
        ("Alamat", data.get("alamat", "")),
        ("Telepon", data.get("telepon", "")),
        ("Email", data.get("email", "")),
        ("Website", data.get("website", "")),
    ]


def _ppksd_rows(data: dict[str, str]) -> list[tuple[str, str]]:
    labels = (("nama_lengkap", "Nama"), ("nik", "NIK"), ("nomor_pegawai", "NIP/nomor pegawai"),
              ("telepon", "Telepon"), ("email", "Email"), ("unit_kerja", "Unit kerja"),
              ("jabatan", "Jabatan"))
    return [(label, data.get(k, "")) for k, label in labels]


def view(actor: CurrentUser, app_id: int, ip: str = "") -> AppView:
    st = get_settings()
    with session_scope() as s:
        app, facts = load_visible(s, actor, app_id, ip)
        inst = json.loads(app.instansi_snapshot or "{}")
        if not inst:
            live = s.get(Instansi, app.instansi_id)
            inst = instansi_data(live).__dict__ if live else {}
        p1 = json.loads(app.ppksd1_snapshot or "{}")
        if not p1:
            u = s.get(User, app.ppksd1_id)
            p1 = {k: getattr(u, k) or "" for k in ("nama_lengkap", "nik", "nomor_pegawai", "telepon",
                                                 "email", "unit_kerja", "jabatan")} if u else {}
        p2 = s.get(User, app.ppksd2_id) if app.ppksd2_id else None
        opd_ids = list(s.exec(select(ApplicationOpd.opd_id).where(ApplicationOpd.application_id == app.id)))
        opds = [f"{o.nama} ({o.singkatan})" for o in s.exec(select(Opd).where(Opd.id.in_(opd_ids)))]  # type: ignore[union-attr]
        users = {u.id: u for u in s.exec(select(User).where(User.id.in_(  # type: ignore[union-attr]
            {*facts.tkksd_ids, *(e.actor_id for e in s.exec(select(ApplicationEvent).where(
                ApplicationEvent.application_id == app.id)) if e.actor_id)})))}
        events = s.exec(select(ApplicationEvent).where(ApplicationEvent.application_id == app.id)
                        .order_by(ApplicationEvent.id)).all()
        timeline = [TimelineItem(
            when=format_datetime(e.at, st.timezone, st.tz_label),
            label=EVENT_LABELS.get(e.action, e.action),
            who=_who(users.get(e.actor_id)), note=e.note) for e in events]
        pakta_user = users.get(app.pakta_user_id) or (s.get(User, app.pakta_user_id) if app.pakta_user_id else None)
        pakta = (f"Disetujui oleh {pakta_user.nama_lengkap} pada "
                 f"{format_datetime(app.pakta_at, st.timezone, st.tz_label)}"
                 if pakta_user and app.pakta_at else "Belum disetujui")
        applicant = is_applicant(actor.viewer, facts)
        kind = actor_for_role(actor.role, applicant)
        return AppView(
            id=app.id or 0, code=app.code or "", status=app.status,
            status_label=STATUS_LABELS[Status(app.status)], judul=app.judul,
            urusan=urusan_label(app.urusan_kode), instansi=_instansi_rows(inst),
            ppksd1=_ppksd_rows(p1), ppksd2=(p2.nama_lengkap if p2 else "–"), opd=opds,
            narratives=[(f.label, getattr(app, f.key)) for f in NARRATIVE_FIELDS],
            admin_note=app.admin_note, pakta=pakta,
            tkksd=[users[i].nama_lengkap for i in sorted(facts.tkksd_ids) if i in users],
            timeline=timeline, revisions=s.exec(select(ApplicationRevision.id).where(
                ApplicationRevision.application_id == app.id)).all().__len__(),
            actions=[a.value for a in allowed_actions(Status(app.status), kind)
                     if kind != Actor.SYSTEM],
            submitted=format_datetime(app.submitted_at, st.timezone, st.tz_label),
            versions=_versions(s, app.id or 0, st.timezone, st.tz_label),
            is_applicant=applicant,
        )


def _who(user: User | None) -> str:
    if user is None:
        return "Sistem"
    return f"{user.nama_lengkap or user.email} · {role_label(user.role, user.is_protokol)}"


_CONTENT_LABELS = {"judul": "Judul", "urusan_kode": "Urusan", "ppksd2_id": "PPKSD-2", "opd_ids": "OPD terkait",
                   **{f.key: f.label for f in NARRATIVE_FIELDS}}


def _versions(s, app_id: int, tz: str, tz_label: str) -> list[tuple[str, str]]:  # noqa: ANN001
    """Each submitted version with what changed since the one before (all versions are kept)."""
    rows = s.exec(select(ApplicationRevision).where(ApplicationRevision.application_id == app_id)
                  .order_by(ApplicationRevision.number)).all()
    out: list[tuple[str, str]] = []
    previous: dict = {}
    for r in rows:
        content = json.loads(r.content)
        if not previous:
            changes = "Versi pertama yang diajukan."
        else:
            changed = [label for key, label in _CONTENT_LABELS.items() if content.get(key) != previous.get(key)]
            changes = "Diubah: " + ", ".join(changed) if changed else "Tanpa perubahan isi."
        out.append((f"Versi {r.number} – {format_datetime(r.submitted_at, tz, tz_label)}", changes))
        previous = content
    return out
