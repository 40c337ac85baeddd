"""The register of agreements (penatausahaan): search, detail, manual entry, revoke,
addenda and renewal. Staff see the register; applicants and OPD see their own entries."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, or_
from sqlmodel import Session, select

from ..config import get_settings
from ..db import session_scope
from ..domain.dates import format_date, to_local, utcnow
from ..domain.jenis_pemohon import JENIS_KODES, jenis_pemohon_list
from ..domain.monev import MAX_MONTHS
from ..domain.roles import Role
from ..domain.signing import check_validity, parse_date
from ..domain.stages import Action, Actor, Status
from ..models import Addendum, Agreement, AgreementDocument, Application, ApplicationOpd, Opd, StoredFile
from . import audit
from .agreement_access import load_agreement, refuse_agreement
from .auth import CurrentUser
from .errors import Forbidden, ServiceError
from .notifications import notify
from .reference import kabkota_label, urusan_codes, urusan_label
from .transitions import apply_transition

PAGE_SIZE = 20
STATUS_LABELS = {"BERLAKU": "Berlaku", "BERAKHIR": "Berakhir", "DICABUT": "Dicabut"}
BENTUK_LABELS = {"KB": "Kesepakatan Bersama", "PKS": "Perjanjian Kerja Sama", "NOTA_KESEPAKATAN": "Nota Kesepakatan"}


@dataclass
class RegisterFilter:
    q: str = ""
    year: int = 0
    status: str = ""
    jenis: str = ""
    urusan: str = ""
    kabkota: str = ""
    opd_id: int = 0
    expiring_days: int = 0


@dataclass
class RegisterRow:
    id: int
    judul: str
    mitra: str
    nomor: str
    tanggal_ttd: str
    berlaku: str
    status: str
    status_label: str
    opd: str


def _today() -> date:
    """Today in the region's zone."""
    return to_local(utcnow(), get_settings().timezone).date()


def _filtered(f: RegisterFilter):  # noqa: ANN202 - a SQLModel select
    q = select(Agreement)
    if f.q.strip():
        like = f"%{f.q.strip().lower()}%"
        q = q.where(or_(func.lower(Agreement.judul).like(like), func.lower(Agreement.mitra_nama).like(like),
                        func.lower(Agreement.nomor_daerah).like(like), func.lower(Agreement.nomor_mitra).like(like)))
    if f.year:
        q = q.where(Agreement.tanggal_ttd >= date(f.year, 1, 1), Agreement.tanggal_ttd <= date(f.year, 12, 31))
    if f.status:
        q = q.where(Agreement.status == f.status)
    if f.jenis:
        q = q.where(Agreement.mitra_jenis_kode == f.jenis)
    if f.urusan:
        q = q.where(Agreement.urusan_kode == f.urusan)
    if f.kabkota:
        q = q.where(Agreement.mitra_kabkota_kode == f.kabkota)
    if f.opd_id:
        q = q.where(Agreement.opd_id == f.opd_id)
    if f.expiring_days:
        today = _today()
        q = q.where(Agreement.status == "BERLAKU", Agreement.berlaku_sampai >= today,
                    Agreement.berlaku_sampai <= today + timedelta(days=f.expiring_days))
    return q


def search(actor: CurrentUser, f: RegisterFilter, page: int = 1) -> tuple[list[RegisterRow], int]:
    """Staff only; filtered and paginated in the database."""
    if actor.role not in (Role.ADMIN, Role.TKKSD):
        refuse_agreement(actor, "", "", "register")
        raise Forbidden()
    tz = get_settings().timezone
    with session_scope() as s:
        q = _filtered(f)
        total = s.exec(select(func.count()).select_from(q.subquery())).one()
        rows = s.exec(q.order_by(Agreement.tanggal_ttd.desc(), Agreement.id.desc())  # type: ignore[union-attr]
                      .offset((max(page, 1) - 1) * PAGE_SIZE).limit(PAGE_SIZE)).all()
        opds = {o.id: o.singkatan for o in s.exec(select(Opd))}
        return [RegisterRow(a.id or 0, a.judul, a.mitra_nama, a.nomor_daerah, format_date(a.tanggal_ttd, tz),
                            f"{format_date(a.berlaku_mulai, tz)} – {format_date(a.berlaku_sampai, tz)}", a.status,
                            STATUS_LABELS.get(a.status, a.status), opds.get(a.opd_id, "")) for a in rows], total


@dataclass
class AgreementView:
    id: int
    judul: str
    bentuk: str
    mitra: str
    fields: list[tuple[str, str]]
    status: str
    status_label: str
    status_note: str
    documents: list[tuple[int, str, str]]  # (file id, name, kind)
    addenda: list[tuple[str, str, int, str]]  # (date, change, file id, file name)
    application_id: int
    may_revoke: bool
    may_addendum: bool
    may_renew: bool
    expires_in_days: int
    monev_side: str = ""
    extra: list[str] = field(default_factory=list)


def view(actor: CurrentUser, agreement_id: int, ip: str = "") -> AgreementView:
    from ..domain.permissions import monev_side

    cfg = get_settings()
    tz = cfg.timezone
    with session_scope() as s:
        ag, facts = load_agreement(s, actor, agreement_id, ip)
        opd = s.get(Opd, ag.opd_id) if ag.opd_id else None
        jenis = {j.kode: j.label for j in jenis_pemohon_list(cfg.region_name, cfg.province_name)}
        docs = s.exec(select(AgreementDocument, StoredFile).join(StoredFile, StoredFile.id == AgreementDocument.file_id)
                      .where(AgreementDocument.agreement_id == ag.id)).all()
        adds = s.exec(select(Addendum).where(Addendum.agreement_id == ag.id).order_by(Addendum.tanggal)).all()
        add_files = {f.id: f.original_name for f in s.exec(select(StoredFile).where(
            StoredFile.id.in_({a.file_id for a in adds if a.file_id})))}  # type: ignore[union-attr]
        days = (ag.berlaku_sampai - _today()).days
        fields_ = [
            ("Bentuk", BENTUK_LABELS.get(ag.bentuk, ag.bentuk)),
            ("Para pihak", f"Pemerintah {cfg.region_name} dan {ag.mitra_nama}"),
            ("Jenis mitra", jenis.get(ag.mitra_jenis_kode, ag.mitra_jenis_kode)),
            ("Kabupaten/kota mitra", kabkota_label(ag.mitra_kabkota_kode)),
            ("Urusan", urusan_label(ag.urusan_kode)),
            ("OPD pelaksana", f"{opd.nama} ({opd.singkatan})" if opd else "–"),
            ("Nomor pihak daerah", ag.nomor_daerah),
            ("Nomor pihak mitra", ag.nomor_mitra),
            ("Tanggal penandatanganan", format_date(ag.tanggal_ttd, tz)),
            ("Masa berlaku", f"{format_date(ag.berlaku_mulai, tz)} – {format_date(ag.berlaku_sampai, tz)}"),
            ("Laporan monev", f"setiap {ag.monev_months} bulan"),
            ("Sumber data", {"SISTEM": "Si KERJA", "MANUAL": "Dicatat admin", "IMPOR": "Impor berkas"}.get(
                ag.source, ag.source)),
        ]
        side = monev_side(actor.viewer, facts)
        return AgreementView(
            id=ag.id or 0, judul=ag.judul, bentuk=ag.bentuk, mitra=ag.mitra_nama, fields=fields_, status=ag.status,
            status_label=STATUS_LABELS.get(ag.status, ag.status), status_note=ag.status_note,
            documents=[(f.id or 0, f.original_name, d.kind) for d, f in docs],
            addenda=[(format_date(a.tanggal, tz), a.perubahan, a.file_id or 0, add_files.get(a.file_id, ""))
                     for a in adds],
            application_id=ag.application_id or 0,
            may_revoke=actor.role == Role.ADMIN and ag.status == "BERLAKU",
            may_addendum=actor.role == Role.ADMIN and ag.status == "BERLAKU",
            may_renew=side == "PEMOHON" and ag.application_id is not None,
            expires_in_days=days, monev_side=side,
        )


def revoke(actor: CurrentUser, agreement_id: int, reason: str, ip: str = "") -> None:
    """Admin revokes an active agreement with a reason (final); the people involved are told."""
    if actor.role != Role.ADMIN:
        refuse_agreement(actor, agreement_id, ip, "cabut")
        raise Forbidden()
    if not (reason or "").strip():
        raise ServiceError("Tulis alasan pencabutan.", {"alasan": "Tulis alasan pencabutan."})
    with session_scope() as s:
        ag, facts = load_agreement(s, actor, agreement_id, ip)
        if ag.status != "BERLAKU":
            raise ServiceError("Hanya kerja sama yang masih berlaku yang dapat dicabut.")
        ag.status, ag.status_note = "DICABUT", reason.strip()[:2000]
        s.add(ag)
        if ag.application_id:
            app = s.get(Application, ag.application_id)
            if app and app.status == Status.PELAKSANAAN:
                apply_transition(s, app, Action.REVOKE, Actor.ADMIN, actor.id, reason, ip)
        audit.record(s, "CABUT_KERJA_SAMA", actor.id, "agreement", ag.id, ip, reason[:200])
        notify(s, _people(s, ag, facts), f"Kerja sama \"{ag.judul[:80]}\" dicabut: {reason.strip()[:200]}",
               f"/register/{ag.id}")


def _people(s: Session, ag: Agreement, facts) -> set[int]:  # noqa: ANN001
    from ..models import User

    ids = set(facts.applicant_ids)
    if ag.opd_id:
        ids |= set(s.exec(select(User.id).where(User.role == Role.OPD, User.opd_id == ag.opd_id)))
    return ids


def add_addendum(actor: CurrentUser, agreement_id: int, tanggal: str, perubahan: str, file_id: int | None,
                 ip: str = "") -> None:
    from .files import claim_file

    if actor.role != Role.ADMIN:
        refuse_agreement(actor, agreement_id, ip, "adendum")
        raise Forbidden()
    day = parse_date(tanggal)
    errors = {}
    if day is None:
        errors["tanggal"] = "Tanggal adendum tidak valid."
    if not (perubahan or "").strip():
        errors["perubahan"] = "Jelaskan apa yang berubah."
    if errors:
        raise ServiceError("Periksa kembali data adendum.", errors)
    with session_scope() as s:
        ag, facts = load_agreement(s, actor, agreement_id, ip)
        stored = claim_file(s, actor, file_id) if file_id else None
        s.add(Addendum(agreement_id=ag.id, tanggal=day, perubahan=perubahan.strip()[:4000],
                       file_id=stored.id if stored else None, created_by=actor.id))
        if stored:
            s.add(AgreementDocument(agreement_id=ag.id, kind="ADENDUM", file_id=stored.id))
        audit.record(s, "ADENDUM", actor.id, "agreement", ag.id, ip)
        notify(s, _people(s, ag, facts), f"Adendum dicatat untuk kerja sama \"{ag.judul[:80]}\".", f"/register/{ag.id}")


def start_renewal(actor: CurrentUser, agreement_id: int, ip: str = "") -> int:
    """The applicant starts a renewal: a new draft prefilled from the old application, linked to it."""
    from ..domain.application_form import NARRATIVE_KEYS
    from ..domain.permissions import monev_side

    with session_scope() as s:
        ag, facts = load_agreement(s, actor, agreement_id, ip)
        if monev_side(actor.viewer, facts) != "PEMOHON" or ag.application_id is None:
            raise refuse_agreement(actor, agreement_id, ip, "perpanjang")
        old = s.get(Application, ag.application_id)
        app = Application(instansi_id=old.instansi_id, ppksd1_id=actor.id, renewal_of_id=old.id,
                          judul=f"Perpanjangan: {old.judul}"[:300], urusan_kode=old.urusan_kode,
                          **{k: getattr(old, k) for k in NARRATIVE_KEYS})
        s.add(app)
        s.flush()
        for oid in s.exec(select(ApplicationOpd.opd_id).where(ApplicationOpd.application_id == old.id)):
            s.add(ApplicationOpd(application_id=app.id, opd_id=oid))
        from ..models import ApplicationEvent

        s.add(ApplicationEvent(application_id=app.id, actor_id=actor.id, action="DRAFT_DIBUAT", to_status="DRAFT",
                               note=f"Perpanjangan dari {old.code}"))
        audit.record(s, "PERPANJANGAN", actor.id, "agreement", ag.id, ip, f"draft={app.id}")
        return app.id or 0


@dataclass
class ManualEntry:
    judul: str = ""
    bentuk: str = "PKS"
    mitra_nama: str = ""
    mitra_jenis_kode: str = ""
    mitra_kabkota_kode: str = ""
    urusan_kode: str = ""
    opd_id: int = 0
    nomor_daerah: str = ""
    nomor_mitra: str = ""
    tanggal_ttd: str = ""
    berlaku_mulai: str = ""
    berlaku_sampai: str = ""
    monev_months: int = 6
    confirm_long: bool = False


def validate_entry(s: Session, e: ManualEntry, today) -> tuple[dict[str, str], tuple]:  # noqa: ANN001
    """Field errors and the parsed dates; shared by manual entry and import."""
    from .reference import kabkota_options

    ttd, start, end = parse_date(e.tanggal_ttd), parse_date(e.berlaku_mulai), parse_date(e.berlaku_sampai)
    errors = check_validity(ttd, start, end, today, e.confirm_long)
    for key, label, limit in (("judul", "Judul", 300), ("mitra_nama", "Nama mitra", 200),
                              ("nomor_daerah", "Nomor pihak daerah", 100), ("nomor_mitra", "Nomor pihak mitra", 100)):
        value = getattr(e, key).strip()
        if not value:
            errors[key] = f"{label} wajib diisi."
        elif len(value) > limit:
            errors[key] = f"{label} paling banyak {limit} karakter."
    if e.bentuk not in BENTUK_LABELS:
        errors["bentuk"] = "Pilih bentuk naskah."
    if e.mitra_jenis_kode not in JENIS_KODES:
        errors["mitra_jenis_kode"] = "Pilih jenis mitra."
    if e.mitra_kabkota_kode not in dict(kabkota_options()):
        errors["mitra_kabkota_kode"] = "Kabupaten/kota mitra tidak dikenal."
    if e.urusan_kode not in urusan_codes():
        errors["urusan_kode"] = "Pilih urusan."
    if e.opd_id and s.get(Opd, int(e.opd_id)) is None:
        errors["opd_id"] = "OPD tidak dikenal."
    if not (1 <= int(e.monev_months or 0) <= MAX_MONTHS):
        errors["monev_months"] = f"Periode monev 1 sampai {MAX_MONTHS} bulan."
    return errors, (ttd, start, end)


def create_manual(actor: CurrentUser, e: ManualEntry, ip: str = "") -> int:
    """Admin enters an agreement signed before the system existed (the same kind of record)."""
    if actor.role != Role.ADMIN:
        refuse_agreement(actor, "", ip, "catat manual")
        raise Forbidden()
    today = _today()
    with session_scope() as s:
        errors, (ttd, start, end) = validate_entry(s, e, today)
        if errors:
            raise ServiceError("Periksa kembali data kerja sama.", errors)
        from .registry_import import import_key

        key = import_key(e.nomor_daerah, e.nomor_mitra)
        if s.exec(select(Agreement.id).where(Agreement.import_key == key)).first():
            raise ServiceError("Nomor ini sudah tercatat di register.",
                               {"nomor_daerah": "Pasangan nomor ini sudah tercatat di register."})
        ag = Agreement(source="MANUAL", import_key=key, judul=e.judul.strip(), bentuk=e.bentuk,
                       mitra_nama=e.mitra_nama.strip(),
                       mitra_jenis_kode=e.mitra_jenis_kode, mitra_kabkota_kode=e.mitra_kabkota_kode,
                       urusan_kode=e.urusan_kode, opd_id=int(e.opd_id) or None, nomor_daerah=e.nomor_daerah.strip(),
                       nomor_mitra=e.nomor_mitra.strip(), tanggal_ttd=ttd, berlaku_mulai=start, berlaku_sampai=end,
                       status="BERLAKU" if end >= today else "BERAKHIR", monev_months=int(e.monev_months),
                       created_by=actor.id)
        s.add(ag)
        s.flush()
        audit.record(s, "CATAT_MANUAL", actor.id, "agreement", ag.id, ip)
        return ag.id or 0


def empty_view() -> AgreementView:
    return AgreementView(id=0, judul="", bentuk="", mitra="", fields=[], status="", status_label="", status_note="",
                         documents=[], addenda=[], application_id=0, may_revoke=False, may_addendum=False,
                         may_renew=False, expires_in_days=0)
