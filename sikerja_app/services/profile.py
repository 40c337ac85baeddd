"""Pengaturan: the user's biodata and institution (DESIGN §2)."""

from dataclasses import asdict, dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from ..db import session_scope
from ..domain import validation as v
from ..domain.dates import utcnow
from ..domain.jenis_pemohon import JENIS_KODES
from ..models import Instansi, User
from . import audit
from .auth import CurrentUser
from .errors import NotFound, ServiceError
from .reference import kabkota_options

BIODATA_FIELDS = (
    "nama_lengkap", "nama_panggilan", "nik", "jenis_kelamin", "email", "telepon",
    "kabkota_kode", "alamat", "unit_kerja", "is_asn", "nomor_pegawai", "jabatan",
)
INSTANSI_FIELDS = (
    "nama", "jenis_kode", "kabkota_kode", "kode_pos", "alamat", "telepon", "email", "website",
)


@dataclass
class Biodata:
    nama_lengkap: str = ""
    nama_panggilan: str = ""
    nik: str = ""
    jenis_kelamin: str = ""
    email: str = ""
    telepon: str = ""
    kabkota_kode: str = ""
    alamat: str = ""
    unit_kerja: str = ""
    is_asn: bool = True
    nomor_pegawai: str = ""
    jabatan: str = ""


def _kabkota_ok(kode: str) -> bool:
    return kode in dict(kabkota_options())


def validate_biodata(b: Biodata) -> dict[str, str]:
    checks = {
        "nama_lengkap": v.check_required(b.nama_lengkap, "Nama lengkap")
        or v.check_max_length(b.nama_lengkap, 160, "Nama lengkap"),
        "nama_panggilan": v.check_max_length(b.nama_panggilan, 60, "Nama panggilan"),
        "nik": v.check_nik(b.nik),
        "jenis_kelamin": "" if b.jenis_kelamin in ("L", "P") else "Pilih jenis kelamin.",
        "email": v.check_email(b.email),
        "telepon": v.check_phone(b.telepon),
        "kabkota_kode": "" if _kabkota_ok(b.kabkota_kode) else "Pilih kabupaten/kota.",
        "alamat": v.check_required(b.alamat, "Alamat")
        or v.check_max_length(b.alamat, 500, "Alamat"),
        "unit_kerja": v.check_required(b.unit_kerja, "Unit kerja")
        or v.check_max_length(b.unit_kerja, 160, "Unit kerja"),
        "nomor_pegawai": v.check_nomor_pegawai(b.nomor_pegawai, b.is_asn),
        "jabatan": v.check_required(b.jabatan, "Jabatan")
        or v.check_max_length(b.jabatan, 160, "Jabatan"),
    }
    return {k: msg for k, msg in checks.items() if msg}


def biodata_of(user: User) -> Biodata:
    return Biodata(**{f: getattr(user, f) or ("" if f != "is_asn" else False) for f in BIODATA_FIELDS})


def biodata_complete(user: User) -> bool:
    return not validate_biodata(biodata_of(user))


def get_biodata(actor: CurrentUser) -> Biodata:
    with session_scope() as s:
        user = s.get(User, actor.id)
        if user is None:
            raise NotFound()
        return biodata_of(user)


def save_biodata(actor: CurrentUser, data: Biodata, ip: str = "") -> None:
    data.email = data.email.strip().lower()
    data.nik = data.nik.strip()
    data.nomor_pegawai = data.nomor_pegawai.strip()
    errors = validate_biodata(data)
    with session_scope() as s:
        user = s.get(User, actor.id)
        if user is None:
            raise NotFound()
        taken = s.exec(select(User.id).where(func.lower(User.email) == data.email)).first()
        if taken and taken != user.id:
            errors["email"] = "Email ini sudah dipakai akun lain."
        if data.is_asn and not errors.get("nomor_pegawai"):
            other = s.exec(select(User.id).where(User.nip == data.nomor_pegawai)).first()
            if other and other != user.id:
                errors["nomor_pegawai"] = "NIP ini sudah dipakai akun lain."
        if errors:
            raise ServiceError("Periksa kembali isian biodata.", errors)
        for f, value in asdict(data).items():
            setattr(user, f, value)
        user.nip = data.nomor_pegawai if data.is_asn else None
        s.add(user)
        audit.record(s, "BIODATA_UBAH", actor.id, "user", actor.id, ip)


@dataclass
class InstansiData:
    nama: str = ""
    jenis_kode: str = ""
    kabkota_kode: str = ""
    kode_pos: str = ""
    alamat: str = ""
    telepon: str = ""
    email: str = ""
    website: str = ""


def validate_instansi(d: InstansiData) -> dict[str, str]:
    checks = {
        "nama": v.check_required(d.nama, "Nama instansi")
        or v.check_max_length(d.nama, 200, "Nama instansi"),
        "jenis_kode": "" if d.jenis_kode in JENIS_KODES else "Pilih jenis pemohon.",
        "kabkota_kode": "" if _kabkota_ok(d.kabkota_kode) else "Pilih kabupaten/kota.",
        "kode_pos": v.check_postcode(d.kode_pos),
        "alamat": v.check_required(d.alamat, "Alamat instansi")
        or v.check_max_length(d.alamat, 500, "Alamat instansi"),
        "telepon": v.check_phone(d.telepon),
        "email": v.check_email(d.email),
        "website": v.check_max_length(d.website, 300, "Website") or v.check_url(d.website),
    }
    return {k: msg for k, msg in checks.items() if msg}


def instansi_data(inst: Instansi) -> InstansiData:
    return InstansiData(**{f: getattr(inst, f) or "" for f in INSTANSI_FIELDS})


NOT_REGISTRANT = ("Data instansi hanya dapat diubah oleh pengguna yang mendaftarkannya. Hubungi rekan tersebut "
                  "atau admin Bagian Kerja Sama.")


def may_edit_instansi(inst: Instansi, user_id: int) -> bool:
    """Only the registrant changes an institution's data (those who join cannot rewrite it)."""
    return inst.created_by is None or inst.created_by == user_id


def instansi_editable(actor: CurrentUser) -> bool:
    with session_scope() as s:
        user = s.get(User, actor.id)
        inst = s.get(Instansi, user.instansi_id) if user and user.instansi_id else None
        return inst is None or may_edit_instansi(inst, actor.id)


def get_instansi(actor: CurrentUser) -> tuple[int | None, InstansiData]:
    with session_scope() as s:
        user = s.get(User, actor.id)
        if user is None or user.instansi_id is None:
            return None, InstansiData()
        inst = s.get(Instansi, user.instansi_id)
        return (inst.id, instansi_data(inst)) if inst else (None, InstansiData())


def save_instansi(actor: CurrentUser, data: InstansiData, ip: str = "") -> int:
    """Update the user's own institution, or create one and join it."""
    data.nama = " ".join(data.nama.split())
    data.email = data.email.strip().lower()
    errors = validate_instansi(data)
    if errors:
        raise ServiceError("Periksa kembali isian instansi.", errors)
    with session_scope() as s:
        user = _pemohon(s, actor)
        inst = s.get(Instansi, user.instansi_id) if user.instansi_id else None
        if inst is None:
            inst = Instansi(**asdict(data), created_by=actor.id)
            s.add(inst)
            s.flush()
            user.instansi_id = inst.id
            s.add(user)
            audit.record(s, "INSTANSI_BARU", actor.id, "instansi", inst.id, ip)
        else:
            if not may_edit_instansi(inst, actor.id):
                raise ServiceError(NOT_REGISTRANT, {"nama": NOT_REGISTRANT})
            for f, value in asdict(data).items():
                setattr(inst, f, value)
            inst.updated_at = utcnow()
            s.add(inst)
            audit.record(s, "INSTANSI_UBAH", actor.id, "instansi", inst.id, ip)
        return inst.id or 0


def _pemohon(s: Session, actor: CurrentUser) -> User:
    user = s.get(User, actor.id)
    if user is None or user.role != "PEMOHON":
        raise ServiceError("Hanya pemohon yang dapat mengatur instansi.")
    return user


def search_instansi(query: str, limit: int = 10) -> list[tuple[int, str]]:
    q = " ".join(query.split())
    if len(q) < 3:
        return []
    with session_scope() as s:
        rows = s.exec(
            select(Instansi).where(func.lower(Instansi.nama).contains(q.lower()))
            .order_by(Instansi.nama).limit(limit)
        ).all()
        return [(i.id or 0, i.nama) for i in rows]


def join_instansi(actor: CurrentUser, instansi_id: int, ip: str = "") -> None:
    with session_scope() as s:
        user = _pemohon(s, actor)
        if s.get(Instansi, instansi_id) is None:
            raise NotFound()
        user.instansi_id = instansi_id
        s.add(user)
        audit.record(s, "INSTANSI_GABUNG", actor.id, "instansi", instansi_id, ip)
