"""Reference data and demo data (accounts for every role, sample applications)."""

import json
from dataclasses import dataclass

from sqlmodel import select

from ..db import session_scope
from ..models import Instansi, Opd, User
from .auth import CurrentUser, _current
from .reference import REF_DIR, load_reference
from .security import hash_password

DEMO_PASSWORD = "Samarinda2026"  # noqa: S105 - demo accounts only; printed on start

JENIS_BY_LABEL = {"Perguruan Tinggi": "PERGURUAN_TINGGI", "Perusahaan": "PERUSAHAAN"}


@dataclass(frozen=True)
class DemoAccount:
    key: str
    email: str
    role: str
    nama: str
    nik: str
    nip: str
    jabatan: str
    instansi: int | None  # index into the sample applications
    is_protokol: bool = False


DEMO_ACCOUNTS = (
    DemoAccount("admin", "admin@sikerja.test", "ADMIN", "Rina Marlina, S.H., M.H.",
                "6472014503850002", "198503052010012001", "Analis Kerja Sama", None),
    DemoAccount("tkksd", "tkksd@sikerja.test", "TKKSD", "Dr. Bambang Suryadi, M.Si.",
                "6472011207780001", "197807122003121002", "Asisten Pemerintahan dan Kesra", None),
    DemoAccount("protokol", "protokol@sikerja.test", "TKKSD", "Hendra Wijaya, S.Sos.",
                "6472010909800003", "198009092005011003",
                "Kepala Bagian Protokol dan Komunikasi Pimpinan", None, is_protokol=True),
    DemoAccount("pemohon1", "pemohon1@sikerja.test", "PEMOHON", "Dr. Siti Rahmawati, M.Kom.",
                "6472015708860004", "", "Kepala Kantor Kerja Sama", 0),
    DemoAccount("pemohon2", "pemohon2@sikerja.test", "PEMOHON", "Agus Prasetyo, S.T., M.T.",
                "6472012101900005", "", "Staf Kantor Kerja Sama", 0),
    DemoAccount("pemohon3", "pemohon3@sikerja.test", "PEMOHON", "Yusuf Hidayat, S.E.",
                "6472020505870006", "", "Manajer Tanggung Jawab Sosial", 1),
    DemoAccount("opd", "opd@sikerja.test", "OPD", "Lestari Handayani, S.Kom.",
                "6472034410910007", "199110042015032001", "Kepala Bidang Aplikasi Informatika", None),
)


def sample_applications() -> list[dict]:
    return json.loads((REF_DIR / "samples" / "applications.json").read_text(encoding="utf-8"))


def seed_reference() -> dict[str, int]:
    with session_scope() as s:
        return load_reference(s)


def seed_content() -> dict[str, int]:
    """The initial Informasi pages, templates and FAQ (not demo data: always loaded; idempotent)."""
    from .content import load_initial_content

    with session_scope() as s:
        return load_initial_content(s)


def seed_demo() -> bool:
    """Create the demo accounts and applications once; False if they already exist."""
    samples = sample_applications()
    with session_scope() as s:
        if s.exec(select(User).where(User.email == DEMO_ACCOUNTS[0].email)).first():
            return False
        instansi_ids = [_instansi(s, sample) for sample in samples]
        diskominfo = s.exec(select(Opd).where(Opd.singkatan == "DISKOMINFO")).first()
        pw = hash_password(DEMO_PASSWORD)
        for acc in DEMO_ACCOUNTS:
            s.add(User(
                email=acc.email, password_hash=pw, role=acc.role, is_protokol=acc.is_protokol,
                nama_lengkap=acc.nama, nama_panggilan=acc.nama.split()[0].rstrip(".,")
                if not acc.nama.startswith("Dr.") else acc.nama.split()[1],
                nik=acc.nik, jenis_kelamin="P" if int(acc.nik[6:8]) > 40 else "L",
                telepon="0812" + acc.nik[-8:], kabkota_kode="64.72",
                alamat="Jl. Basuki Rahmat No. 1, Samarinda", is_asn=bool(acc.nip),
                nomor_pegawai=acc.nip, nip=acc.nip or None, jabatan=acc.jabatan,
                unit_kerja=_unit(acc, samples),
                instansi_id=instansi_ids[acc.instansi] if acc.instansi is not None else None,
                opd_id=diskominfo.id if acc.role == "OPD" and diskominfo else None,
            ))
        s.flush()
        for key, index in (("pemohon1", 0), ("pemohon3", 1)):  # the registrants of the demo institutions
            email = next(a.email for a in DEMO_ACCOUNTS if a.key == key)
            s.get(Instansi, instansi_ids[index]).created_by = s.exec(select(User.id).where(User.email == email)).one()
    _demo_applications(samples)
    return True


def _unit(acc: DemoAccount, samples: list[dict]) -> str:
    if acc.instansi is not None:
        return samples[acc.instansi]["instansi"]["nama"]
    if acc.role == "OPD":
        return "Dinas Komunikasi dan Informatika"
    return "Bagian Kerja Sama Sekretariat Daerah" if acc.role == "ADMIN" else "Sekretariat Daerah"


def _instansi(s, sample: dict) -> int:  # noqa: ANN001
    i = sample["instansi"]
    inst = Instansi(nama=i["nama"], jenis_kode=JENIS_BY_LABEL[sample["jenis_pemohon"]],
                    kabkota_kode=i["kabupaten_kota_kode"], kode_pos=i["kode_pos"], alamat=i["alamat"],
                    telepon=i["telepon"], email=i["email"], website=i.get("website", ""))
    s.add(inst)
    s.flush()
    return inst.id or 0


def demo_user(key: str) -> CurrentUser:
    acc = next(a for a in DEMO_ACCOUNTS if a.key == key)
    with session_scope() as s:
        user = s.exec(select(User).where(User.email == acc.email)).one()
        return _current(user)


def fill_application(actor: CurrentUser, app_id: int, sample: dict, opd_singkatan: list[str]) -> None:
    """Fill a draft from a sample through the same service calls the wizard makes."""
    from . import applications as apps

    apps.save_field(actor, app_id, "judul", sample["judul"])
    apps.save_field(actor, app_id, "urusan_kode", sample["urusan_kode"])
    for key, text in sample["persiapan"].items():
        apps.save_field(actor, app_id, key, text)
    with session_scope() as s:
        ids = [o.id for o in s.exec(select(Opd).where(Opd.singkatan.in_(opd_singkatan)))]  # type: ignore[attr-defined]
    apps.set_opds(actor, app_id, ids)


def _demo_applications(samples: list[dict]) -> None:
    from . import applications as apps
    from . import review

    p1, p2, p3 = demo_user("pemohon1"), demo_user("pemohon2"), demo_user("pemohon3")
    admin, tkksd, protokol = demo_user("admin"), demo_user("tkksd"), demo_user("protokol")
    # 1. The university's application: verified, now in the Penawaran stage.
    a1 = apps.start_draft(p1)
    fill_application(p1, a1, samples[0], ["DISKOMINFO", "BAPPEDA", "BKPSDM"])
    apps.set_ppksd2(p1, a1, p2.id)
    apps.submit(p1, a1, True, "127.0.0.1")
    review.approve(admin, a1, [tkksd.id, protokol.id], "127.0.0.1")
    # 2. The company's application: submitted, waiting for verification.
    a2 = apps.start_draft(p3)
    fill_application(p3, a2, samples[1], ["DLH", "DPUPR"])
    apps.submit(p3, a2, True, "127.0.0.1")
