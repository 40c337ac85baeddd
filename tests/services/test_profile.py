"""Pengaturan: biodata and institution (DESIGN §2)."""

from dataclasses import replace

import pytest
from sqlmodel import select

from sikerja_app.db import session_scope
from sikerja_app.models import AuditLog, Instansi, User
from sikerja_app.services import profile
from sikerja_app.services.errors import NotFound, ServiceError
from sikerja_app.services.profile import Biodata, InstansiData

pytestmark = pytest.mark.usefixtures("db")


def good_biodata(email: str, **kw: object) -> Biodata:
    values: dict[str, object] = {
        "nama_lengkap": "Dra. Nur Aisyah, M.Si.",
        "nama_panggilan": "Aisyah",
        "nik": "6472015708860004",
        "jenis_kelamin": "P",
        "email": email,
        "telepon": "+62 812-3456-7890",
        "kabkota_kode": "64.72",
        "alamat": "Jl. Juanda No. 5, Samarinda",
        "unit_kerja": "Bagian Umum",
        "is_asn": False,
        "nomor_pegawai": "PTT-0042",
        "jabatan": "Kepala Bagian",
    }
    values.update(kw)
    return Biodata(**values)  # type: ignore[arg-type]


def good_instansi(**kw: object) -> InstansiData:
    values: dict[str, object] = {
        "nama": "Politeknik  Contoh   Mahakam",
        "jenis_kode": "PERGURUAN_TINGGI",
        "kabkota_kode": "64.72",
        "kode_pos": "75131",
        "alamat": "Jl. Ciptomangunkusumo, Samarinda Seberang",
        "telepon": "0541-260588",
        "email": "Humas@Contoh-Mahakam.ac.id",
        "website": "https://contoh-mahakam.ac.id",
    }
    values.update(kw)
    return InstansiData(**values)  # type: ignore[arg-type]


def db_user(user_id: int) -> User:
    with session_scope() as s:
        return s.get(User, user_id)


# ---------------------------------------------------------------- biodata


def test_save_and_read_back_biodata(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    data = good_biodata(f"  NUR.{user.id}@Contoh.ac.id ")
    profile.save_biodata(user, data, "10.3.3.3")
    back = profile.get_biodata(user)
    assert back.email == f"nur.{user.id}@contoh.ac.id"  # trimmed and lower-cased
    assert back.nama_lengkap == "Dra. Nur Aisyah, M.Si."
    assert back.nik == "6472015708860004"
    assert db_user(user.id).nip is None  # a non-civil-servant has no NIP to sign in with
    with session_scope() as s:
        assert s.exec(select(AuditLog).where(
            AuditLog.action == "BIODATA_UBAH", AuditLog.user_id == user.id)).first() is not None


def test_civil_servant_nip_becomes_a_sign_in_name(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    nip = f"198608172011031{user.id % 1000:03d}"
    profile.save_biodata(user, good_biodata(f"asn{user.id}@uji.test", is_asn=True, nomor_pegawai=nip))
    assert db_user(user.id).nip == nip


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("nik", "647201570886000", "NIK harus terdiri dari 16 angka."),
        ("nik", "6472019908860004", "NIK tidak valid"),
        ("telepon", "0812-ABCD-7890", "hanya boleh berisi angka"),
        ("telepon", "0812", "tidak valid"),
        ("email", "bukan-email", "Alamat email tidak valid"),
        ("jenis_kelamin", "X", "Pilih jenis kelamin."),
        ("kabkota_kode", "99.99", "Pilih kabupaten/kota."),
        ("nama_lengkap", "  ", "Nama lengkap wajib diisi."),
        ("nama_lengkap", "N" * 161, "paling banyak 160 karakter"),
        ("alamat", "", "Alamat wajib diisi."),
        ("unit_kerja", "", "Unit kerja wajib diisi."),
        ("jabatan", "", "Jabatan wajib diisi."),
    ],
)
def test_biodata_refuses_bad_input(make, field: str, bad: str, message: str) -> None:  # noqa: ANN001
    user = make.pemohon()
    before = db_user(user.id)
    data = replace(good_biodata(f"b{user.id}@uji.test"), **{field: bad})
    with pytest.raises(ServiceError) as exc:
        profile.save_biodata(user, data)
    assert message in exc.value.errors[field]
    after = db_user(user.id)
    assert (after.email, after.nik, after.nama_lengkap) == (before.email, before.nik, before.nama_lengkap)


def test_civil_servant_needs_a_valid_nip(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    with pytest.raises(ServiceError) as exc:
        profile.save_biodata(user, good_biodata(f"n{user.id}@uji.test", is_asn=True, nomor_pegawai="12345"))
    assert exc.value.errors == {"nomor_pegawai": "NIP harus terdiri dari 18 angka."}


def test_email_of_another_account_is_refused_in_any_case(make) -> None:  # noqa: ANN001
    first, second = make.pemohon(), make.pemohon()
    with pytest.raises(ServiceError) as exc:
        profile.save_biodata(second, good_biodata(first.email.upper()))
    assert exc.value.errors["email"] == "Email ini sudah dipakai akun lain."


def test_nip_of_another_account_is_refused(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    with pytest.raises(ServiceError) as exc:
        profile.save_biodata(user, good_biodata(f"c{user.id}@uji.test", is_asn=True,
                                                nomor_pegawai="198503052010012001"))  # the demo admin's
    assert exc.value.errors["nomor_pegawai"] == "NIP ini sudah dipakai akun lain."


def test_own_email_and_nip_can_be_saved_again(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    nip = f"199001012015012{user.id % 1000:03d}"
    data = good_biodata(f"d{user.id}@uji.test", is_asn=True, nomor_pegawai=nip)
    profile.save_biodata(user, data)
    profile.save_biodata(user, replace(data, jabatan="Kepala Subbagian"))
    assert db_user(user.id).jabatan == "Kepala Subbagian"


def test_biodata_complete() -> None:
    complete = User(email="a@b.id", password_hash="", role="PEMOHON", **{
        k: v for k, v in good_biodata("a@b.id").__dict__.items() if k != "email"})
    assert profile.biodata_complete(complete)
    assert not profile.biodata_complete(User(email="a@b.id", password_hash="", role="PEMOHON"))


# ---------------------------------------------------------------- institution


def test_create_institution_and_join_it(make) -> None:  # noqa: ANN001
    user = make.user("PEMOHON", None)
    assert profile.get_instansi(user) == (None, InstansiData())
    inst_id = profile.save_instansi(user, good_instansi(), "10.4.4.4")
    assert db_user(user.id).instansi_id == inst_id
    got_id, data = profile.get_instansi(user)
    assert got_id == inst_id
    assert data.nama == "Politeknik Contoh Mahakam"  # spaces collapsed
    assert data.email == "humas@contoh-mahakam.ac.id"


def test_update_own_institution(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    inst_id = profile.save_instansi(user, good_instansi(nama="Universitas Uji Ubah"))
    assert inst_id == user.instansi_id
    with session_scope() as s:
        assert s.get(Instansi, inst_id).nama == "Universitas Uji Ubah"


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("kode_pos", "05119", "Kode pos harus 5 angka dan tidak diawali 0."),
        ("kode_pos", "7511", "Kode pos harus 5 angka"),
        ("jenis_kode", "KOPERASI", "Pilih jenis pemohon."),
        ("kabkota_kode", "", "Pilih kabupaten/kota."),
        ("telepon", "nomor kantor", "hanya boleh berisi angka"),
        ("email", "humas@", "Alamat email tidak valid"),
        ("website", "contoh.ac.id", "Alamat website tidak valid"),
        ("nama", "", "Nama instansi wajib diisi."),
        ("alamat", "", "Alamat instansi wajib diisi."),
    ],
)
def test_institution_refuses_bad_input(make, field: str, bad: str, message: str) -> None:  # noqa: ANN001
    user = make.pemohon()
    with pytest.raises(ServiceError) as exc:
        profile.save_instansi(user, replace(good_instansi(), **{field: bad}))
    assert message in exc.value.errors[field]


def test_institution_website_longer_than_the_column_is_refused(make) -> None:  # noqa: ANN001
    """Instansi.website is VARCHAR(300); check_url has no length cap, so a 400-character
    address passes validation and is stored on SQLite but fails with a database error on
    PostgreSQL (the scale-out configuration)."""
    user = make.pemohon()
    long_url = "https://contoh.ac.id/" + "a" * 380
    assert len(long_url) > Instansi.__table__.c.website.type.length
    with pytest.raises(ServiceError) as exc:
        profile.save_instansi(user, good_instansi(website=long_url))
    assert "website" in exc.value.errors


@pytest.mark.parametrize("role", ["ADMIN", "TKKSD", "OPD"])
def test_only_applicants_manage_an_institution(make, role: str) -> None:  # noqa: ANN001
    staff = make.user(role, None)
    with pytest.raises(ServiceError, match="Hanya pemohon"):
        profile.save_instansi(staff, good_instansi())
    with pytest.raises(ServiceError, match="Hanya pemohon"):
        profile.join_instansi(staff, make.instansi())
    assert db_user(staff.id).instansi_id is None


def test_search_and_join(make) -> None:  # noqa: ANN001
    inst_id = make.instansi(nama="Sekolah Tinggi Uji Cari Bersama")
    user = make.user("PEMOHON", None)
    assert profile.search_instansi("ab") == []  # at least three characters
    assert (inst_id, "Sekolah Tinggi Uji Cari Bersama") in profile.search_instansi("  uji   CARI ")
    profile.join_instansi(user, inst_id)
    assert db_user(user.id).instansi_id == inst_id


def test_join_unknown_institution(make) -> None:  # noqa: ANN001
    user = make.user("PEMOHON", None)
    with pytest.raises(NotFound):
        profile.join_instansi(user, 987654)


def test_validate_instansi_of_seeded_samples() -> None:
    with session_scope() as s:
        rows = s.exec(select(Instansi).where(Instansi.nama.in_(  # type: ignore[attr-defined]
            ["Universitas Contoh Nusantara", "PT Contoh Daur Ulang Mandiri"]))).all()
    assert len(rows) == 2
    for inst in rows:
        assert profile.validate_instansi(profile.instansi_data(inst)) == {}


def test_only_the_registrant_changes_the_institution(make) -> None:  # noqa: ANN001
    founder = make.user("PEMOHON", None)
    inst_id = profile.save_instansi(founder, good_instansi(nama="Institut Uji Pendiri"))
    founder = replace(founder, instansi_id=inst_id)
    joiner = make.user("PEMOHON", None)
    profile.join_instansi(joiner, inst_id)
    joiner = replace(joiner, instansi_id=inst_id)
    assert profile.instansi_editable(founder) and not profile.instansi_editable(joiner)
    with pytest.raises(ServiceError) as exc:
        profile.save_instansi(joiner, good_instansi(nama="Institut Diambil Alih"))
    assert "pengguna yang mendaftarkannya" in exc.value.message
    with session_scope() as s:
        assert s.get(Instansi, inst_id).nama == "Institut Uji Pendiri"
    profile.save_instansi(founder, good_instansi(nama="Institut Uji Pendiri Baru"))
    with session_scope() as s:
        assert s.get(Instansi, inst_id).nama == "Institut Uji Pendiri Baru"
