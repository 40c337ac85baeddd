"""Importing agreements signed before the system existed, from XLSX and CSV files (issue 4 item 3).

The files are generated here: good ones in both formats, one with bad rows of every kind,
files that are no spreadsheet at all; the same file twice; the all-or-nothing choice; people
who are not admins.
"""

import io
import itertools
import threading
import uuid
from datetime import date, datetime

import openpyxl
import pytest
from sqlmodel import select

from sikerja_app.db import session_scope
from sikerja_app.domain import filetypes as ft
from sikerja_app.domain import spreadsheet
from sikerja_app.models import Agreement, AuditLog, Notification, Opd
from sikerja_app.services import registry_import as ri
from sikerja_app.services.errors import Forbidden, NotFound, NotSignedIn, ServiceError
from sikerja_app.services.files import UploadRefused, receive_upload
from sikerja_app.services.seed import demo_user
from tests.domain.test_filetypes import make_docx, make_pdf, make_xlsx

pytestmark = pytest.mark.usefixtures("db")

HEADER = ["judul", "bentuk", "mitra", "jenis mitra", "kabupaten/kota mitra", "urusan", "OPD pelaksana",
          "nomor pihak daerah", "nomor pihak mitra", "tanggal ttd", "berlaku mulai", "berlaku sampai",
          "periode monev"]
_n = itertools.count(1)


def nomor(prefix: str = "ND") -> str:
    return f"{prefix}/{next(_n)}/{uuid.uuid4().hex[:8]}/2021"


def row(**over: object) -> list[object]:
    """A valid row; ``over`` replaces columns by their header (spaces and slashes as underscores)."""
    values: dict[str, object] = {
        "judul": "Pengembangan Sistem Informasi Akademik", "bentuk": "PKS", "mitra": "Universitas Mulawarman",
        "jenis_mitra": "PERGURUAN_TINGGI", "kabupaten_kota_mitra": "Kota Samarinda", "urusan": "1.01",
        "OPD_pelaksana": "DISKOMINFO", "nomor_pihak_daerah": nomor("ND"), "nomor_pihak_mitra": nomor("NM"),
        "tanggal_ttd": "15-03-2021", "berlaku_mulai": "15-03-2021", "berlaku_sampai": "14-03-2031",
        "periode_monev": "",
    }
    for key, value in over.items():
        assert key in values, key
        values[key] = value
    return list(values.values())


def csv_bytes(rows: list[list[object]], header: list[str] = HEADER, sep: str = ",",
              encoding: str = "utf-8-sig") -> bytes:
    def cell(v: object) -> str:
        text = "" if v is None else str(v)
        return '"' + text.replace('"', '""') + '"' if any(c in text for c in (sep, '"', "\n")) else text

    return "\r\n".join(sep.join(cell(v) for v in r) for r in [header, *rows]).encode(encoding) + b"\r\n"


def xlsx_bytes(rows: list[list[object]], header: list[str] = HEADER) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Register"
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.create_sheet("Lain").append(["tidak dibaca"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def upload(actor, name: str, data: bytes) -> int:  # noqa: ANN001
    return receive_upload(actor, name, [data], allowed=ft.SPREADSHEETS).id or 0


@pytest.fixture()
def admin():  # noqa: ANN201
    return demo_user("admin")


def agreements_by_key(keys: list[str]) -> list[Agreement]:
    with session_scope() as s:
        return list(s.exec(select(Agreement).where(Agreement.import_key.in_(keys))))  # type: ignore[union-attr]


def audit(action: str, target_type: str, target_id: object) -> list[AuditLog]:
    with session_scope() as s:
        return list(s.exec(select(AuditLog).where(AuditLog.action == action, AuditLog.target_type == target_type,
                                                  AuditLog.target_id == str(target_id))))


def keys_of(rows: list[list[object]]) -> list[str]:
    return [ri.import_key(str(r[7]), str(r[8])) for r in rows]


# --- good files ------------------------------------------------------------------------------


def test_a_good_csv_file_is_checked_then_imported(admin, make) -> None:  # noqa: ANN001
    other_admin = make.user("ADMIN")
    rows = [
        row(),
        row(judul="Kesepakatan Bersama Pembangunan Wilayah", bentuk="KB", jenis_mitra="Perangkat daerah di "
            "lingkungan Pemerintah Kota/Kabupaten lain", kabupaten_kota_mitra="64.02",
            urusan="Pekerjaan Umum dan Penataan Ruang", OPD_pelaksana="", tanggal_ttd="2019-08-01",
            berlaku_mulai="2019-08-01", berlaku_sampai="2021-07-31", periode_monev="12"),
        row(bentuk="Nota Kesepakatan", jenis_mitra="perusahaan", kabupaten_kota_mitra="kota balikpapan",
            OPD_pelaksana="Dinas Kesehatan", urusan="1.02"),
    ]
    file_id = upload(admin, "register lama.csv", csv_bytes(rows))
    report = ri.check(admin, file_id)
    assert (report.kind, report.total, len(report.valid), report.bad) == ("CSV", 3, 3, [])
    assert [v.row for v in report.valid] == [2, 3, 4]
    assert agreements_by_key(keys_of(rows)) == []  # checking writes nothing

    result = ri.run_import(admin, file_id, ri.MODE_VALID, "10.1.1.1")
    assert (result.created, result.skipped, result.refused) == (3, 0, False)
    assert result.message == "3 perjanjian diimpor ke register."
    made = {a.import_key: a for a in agreements_by_key(keys_of(rows))}
    first, second, third = (made[k] for k in keys_of(rows))
    with session_scope() as s:
        opd = {o.singkatan: o.id for o in s.exec(select(Opd))}
    assert (first.source, first.status, first.bentuk, first.mitra_jenis_kode, first.mitra_kabkota_kode,
            first.urusan_kode, first.opd_id, first.tanggal_ttd, first.berlaku_mulai, first.berlaku_sampai,
            first.monev_months, first.application_id, first.created_by) == \
        ("IMPOR", "BERLAKU", "PKS", "PERGURUAN_TINGGI", "64.72", "1.01", opd["DISKOMINFO"], date(2021, 3, 15),
         date(2021, 3, 15), date(2031, 3, 14), 6, None, admin.id)
    assert (second.bentuk, second.mitra_jenis_kode, second.mitra_kabkota_kode, second.urusan_kode, second.opd_id,
            second.status, second.monev_months) == ("KB", "PD_LAIN", "64.02", "1.03", None, "BERAKHIR", 12)
    assert (third.bentuk, third.mitra_jenis_kode, third.mitra_kabkota_kode, third.opd_id) == \
        ("NOTA_KESEPAKATAN", "PERUSAHAAN", "64.71", opd["DINKES"])
    for a in (first, second, third):
        assert a.import_key == ri.import_key(a.nomor_daerah, a.nomor_mitra)
        assert audit("IMPOR_PERJANJIAN", "agreement", a.id)[0].user_id == admin.id
    summary = audit("IMPOR_REGISTER", "storedfile", file_id)
    assert len(summary) == 1 and "diimpor=3" in summary[0].detail and summary[0].ip == "10.1.1.1"
    with session_scope() as s:
        told = s.exec(select(Notification.text).where(Notification.user_id == other_admin.id)).all()
    assert any("mengimpor 3 perjanjian" in t for t in told)


def test_a_good_xlsx_file_with_real_dates_and_numbers_as_codes(admin) -> None:  # noqa: ANN001
    rows = [
        row(tanggal_ttd=datetime(2022, 1, 10), berlaku_mulai=datetime(2022, 1, 10), berlaku_sampai=date(2032, 1, 9),
            kabupaten_kota_mitra=64.71, urusan=2.1, periode_monev=12),  # Excel made 64.71 and 2.10 numbers
        row(tanggal_ttd="10-01-2022", berlaku_mulai="2022-01-10", berlaku_sampai="09-01-2032", urusan="2.20",
            kabupaten_kota_mitra="Kabupaten Kutai Kartanegara", periode_monev=6.0),
    ]
    file_id = upload(admin, "register.xlsx", xlsx_bytes(rows))
    report = ri.check(admin, file_id)
    assert (report.kind, len(report.valid), report.bad) == ("XLSX", 2, [])
    a, b = report.valid
    assert (a.tanggal_ttd, a.sampai, a.kabkota, a.urusan, a.monev) == \
        (date(2022, 1, 10), date(2032, 1, 9), "64.71", "2.10", 12)
    assert (b.mulai, b.sampai, b.kabkota, b.urusan, b.monev) == (date(2022, 1, 10), date(2032, 1, 9), "64.02",
                                                                 "2.20", 6)
    assert ri.run_import(admin, file_id, ri.MODE_ALL_OR_NOTHING).created == 2


def test_a_semicolon_csv_saved_by_excel_in_windows_1252(admin) -> None:  # noqa: ANN001
    rows = [row(judul="Kerja sama café dan pariwisata; tahap I", mitra="PT Wisata Borneo")]
    data = csv_bytes(rows, sep=";", encoding="cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    report = ri.check(admin, upload(admin, "register.csv", data))
    assert report.bad == [] and report.valid[0].judul == "Kerja sama café dan pariwisata; tahap I"


def test_blank_rows_are_skipped_and_row_numbers_stay_those_of_the_sheet(admin) -> None:  # noqa: ANN001
    rows = [row(), [""] * len(HEADER), row(kabupaten_kota_mitra="Kota Atlantis")]
    report = ri.check(admin, upload(admin, "register.csv", csv_bytes(rows)))
    assert [v.row for v in report.valid] == [2] and [b.row for b in report.bad] == [4]


# --- bad rows ------------------------------------------------------------------------------


def test_bad_rows_are_listed_with_their_row_number_and_reason(admin) -> None:  # noqa: ANN001
    good = row()
    rows = [
        good,  # 2
        row(kabupaten_kota_mitra="Kota Atlantis"),  # 3
        row(berlaku_mulai="01-06-2022", berlaku_sampai="31-05-2022"),  # 4
        row(nomor_pihak_mitra=""),  # 5
        row(berlaku_mulai="2023/03/15"),  # 6
        row(nomor_pihak_daerah=good[7], nomor_pihak_mitra=good[8]),  # 7: the same numbers as row 2
        row(tanggal_ttd="31-02-2021"),  # 8
        row(jenis_mitra="Koperasi", bentuk="Surat", urusan="9.99", OPD_pelaksana="DINAS ANTAH"),  # 9
        row(kabupaten_kota_mitra="Bandung", periode_monev="enam"),  # 10: Kota or Kabupaten Bandung?
        row(judul="", berlaku_sampai="", tanggal_ttd="01-01-2099"),  # 11
        row(nomor_pihak_daerah=f"  {str(good[7]).lower()} ", nomor_pihak_mitra=str(good[8]).lower()),  # 12
    ]
    report = ri.check(admin, upload(admin, "register bermasalah.csv", csv_bytes(rows)))
    assert [v.row for v in report.valid] == [2]
    reasons = {b.row: b.reason for b in report.bad}
    assert sorted(reasons) == list(range(3, 13))
    assert "Kabupaten/kota 'Kota Atlantis' tidak ditemukan" in reasons[3]
    assert "Berlaku sampai (31 Mei 2022) lebih awal dari berlaku mulai (1 Juni 2022)" in reasons[4]
    assert reasons[5] == "Nomor pihak mitra wajib diisi."
    assert reasons[6] == ("Berlaku mulai '2023/03/15' bukan tanggal dengan format DD-MM-YYYY atau YYYY-MM-DD.")
    assert reasons[7].startswith("Duplikat baris 2 dalam berkas ini")
    assert "Tanggal ttd '31-02-2021' bukan tanggal yang ada di kalender" in reasons[8]
    for text in ("Jenis mitra 'Koperasi' tidak dikenal", "Bentuk 'Surat' tidak dikenal", "Urusan '9.99' tidak",
                 "OPD pelaksana 'DINAS ANTAH' tidak ditemukan"):
        assert text in reasons[9]
    assert "ambigu" in reasons[10] and "Kabupaten Bandung" in reasons[10] and "Kota Bandung" in reasons[10]
    assert "Periode monev 'enam' harus bilangan bulat" in reasons[10]
    assert "Judul wajib diisi." in reasons[11] and "Berlaku sampai wajib diisi." in reasons[11]
    assert "belum terjadi" in reasons[11]
    assert reasons[12].startswith("Duplikat baris 2")  # numbers compare without case and extra spaces


def test_a_duplicate_of_an_agreement_already_in_the_register(admin) -> None:  # noqa: ANN001
    nd, nm = nomor("ND"), nomor("NM")
    with session_scope() as s:  # entered by hand earlier (no import key)
        s.add(Agreement(source="MANUAL", judul="Entri manual", mitra_nama="Mitra", mitra_jenis_kode="PERUSAHAAN",
                        urusan_kode="1.01", nomor_daerah=nd, nomor_mitra=nm, tanggal_ttd=date(2020, 1, 1),
                        berlaku_mulai=date(2020, 1, 1), berlaku_sampai=date(2025, 1, 1)))
    rows = [row(nomor_pihak_daerah=nd.lower(), nomor_pihak_mitra=f" {nm} "), row()]
    report = ri.check(admin, upload(admin, "register.csv", csv_bytes(rows)))
    assert [b.row for b in report.bad] == [2] and report.bad[0].reason.startswith("Sudah ada di register")
    assert [v.row for v in report.valid] == [3]


def test_files_that_are_not_a_usable_spreadsheet_are_refused_in_indonesian(admin) -> None:  # noqa: ANN001
    # a PDF and a Word document, uploaded as ordinary documents, then given to the import
    for name, data in (("register.pdf", make_pdf()), ("register.docx", make_docx())):
        file_id = receive_upload(admin, name, [data]).id
        with pytest.raises(ServiceError) as err:
            ri.check(admin, file_id)
        assert err.value.message == spreadsheet.MSG_NOT_SPREADSHEET
    cases = [
        (csv_bytes([row()], header=["nama", "alamat"]), "Kolom wajib tidak ditemukan: judul, bentuk, mitra"),
        (csv_bytes([]), "tidak berisi baris data"),
        (b"\r\n\r\n", "Berkas kosong"),
        (csv_bytes([row()], header=[*HEADER[:3], "judul", *HEADER[3:]]), "Kolom 'judul' muncul lebih dari sekali"),
        (b'judul,bentuk\n"tanpa penutup kutip,PKS\n', "Berkas CSV tidak dapat dibaca"),
    ]
    for data, message in cases:
        with pytest.raises(ServiceError) as err:
            ri.check(admin, upload(admin, "register.csv", data))
        assert message in err.value.message, (data, err.value.message)
    # a workbook that is no register (the header is missing), and one that is only an XLSX shell
    with pytest.raises(ServiceError) as err:
        ri.check(admin, upload(admin, "anggaran.xlsx", xlsx_bytes([[1, 2]], header=["pos", "jumlah"])))
    assert "Kolom wajib tidak ditemukan" in err.value.message
    with pytest.raises(ServiceError) as err:
        ri.check(admin, upload(admin, "rusak.xlsx", make_xlsx()))
    assert err.value.message == spreadsheet.MSG_XLSX_BROKEN


def test_the_import_upload_takes_only_xlsx_or_csv_by_content(admin) -> None:  # noqa: ANN001
    only = ft.not_allowed_message(ft.SPREADSHEETS)
    assert only == "Jenis berkas tidak diizinkan. Unggah berkas XLSX atau CSV."
    for name, data in (("register.csv", make_pdf()), ("register.pdf", make_pdf()),
                       ("register.csv", b"\x00\x01\x02\x03binary\x00junk"), ("register.csv", b"\x7fELF\x02\x01"),
                       ("register.xlsx", make_docx())):
        with pytest.raises(UploadRefused) as err:
            receive_upload(admin, name, [data], allowed=ft.SPREADSHEETS)
        assert err.value.message == only, name
    with pytest.raises(UploadRefused) as err:  # text content under an .xlsx name
        receive_upload(admin, "register.xlsx", [csv_bytes([row()])], allowed=ft.SPREADSHEETS)
    assert ".csv" in err.value.message
    # the ordinary document upload still refuses CSV
    with pytest.raises(UploadRefused) as err:
        receive_upload(admin, "register.csv", [csv_bytes([row()])])
    assert err.value.message == ft.MSG_NOT_ALLOWED


def test_too_many_rows_are_refused(admin, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(ri, "MAX_ROWS", 3)
    with pytest.raises(ServiceError) as err:
        ri.check(admin, upload(admin, "register.csv", csv_bytes([row() for _ in range(4)])))
    assert "paling banyak 3 baris data" in err.value.message
    assert ri.check(admin, upload(admin, "register.csv", csv_bytes([row() for _ in range(3)]))).total == 3


# --- importing twice, all or nothing ---------------------------------------------------------


def test_the_same_file_imported_twice_creates_no_duplicates(admin) -> None:  # noqa: ANN001
    rows = [row(), row(), row()]
    data = xlsx_bytes(rows)
    first = upload(admin, "register.xlsx", data)
    assert ri.run_import(admin, first, ri.MODE_VALID).created == 3
    again = ri.run_import(admin, first, ri.MODE_VALID)  # the same upload once more
    assert (again.created, again.skipped) == (0, 3)
    assert all(b.reason.startswith("Sudah ada di register") for b in again.report.bad)
    second = upload(admin, "register (salinan).xlsx", data)  # the same file uploaded anew
    assert ri.run_import(admin, second, ri.MODE_VALID).created == 0
    refused = ri.run_import(admin, second, ri.MODE_ALL_OR_NOTHING)
    assert (refused.created, refused.refused) == (0, True)
    assert len(agreements_by_key(keys_of(rows))) == 3


def test_two_imports_of_the_same_file_at_once_create_each_agreement_once(admin) -> None:  # noqa: ANN001
    rows = [row() for _ in range(5)]
    file_id = upload(admin, "register.csv", csv_bytes(rows))
    barrier, results, errors = threading.Barrier(2), [], []

    def press() -> None:
        barrier.wait()
        try:
            results.append(ri.run_import(admin, file_id, ri.MODE_VALID).created)
        except ServiceError as exc:
            errors.append(exc.message)

    threads = [threading.Thread(target=press) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sum(results) == 5 and 5 in results, (results, errors)
    assert len(agreements_by_key(keys_of(rows))) == 5


def test_all_or_nothing_imports_nothing_when_a_row_is_bad(admin) -> None:  # noqa: ANN001
    rows = [row(), row(berlaku_sampai="31-13-2030"), row()]
    file_id = upload(admin, "register.csv", csv_bytes(rows))
    result = ri.run_import(admin, file_id, ri.MODE_ALL_OR_NOTHING)
    assert (result.created, result.skipped, result.refused) == (0, 1, True)
    assert result.message.startswith("Tidak ada yang diimpor: 1 baris bermasalah.")
    assert agreements_by_key(keys_of(rows)) == []
    assert len(audit("IMPOR_REGISTER_BATAL", "storedfile", file_id)) == 1
    # the admin chooses the other way: the two valid rows go in, the bad one is left out
    result = ri.run_import(admin, file_id, ri.MODE_VALID)
    assert (result.created, result.skipped, result.refused) == (2, 1, False)
    assert result.message == "2 perjanjian diimpor ke register. 1 baris bermasalah dilewati."
    assert {a.import_key for a in agreements_by_key(keys_of(rows))} == {keys_of(rows)[0], keys_of(rows)[2]}


def test_all_or_nothing_imports_everything_when_every_row_is_valid(admin) -> None:  # noqa: ANN001
    rows = [row(), row()]
    result = ri.run_import(admin, upload(admin, "register.csv", csv_bytes(rows)), ri.MODE_ALL_OR_NOTHING)
    assert (result.created, result.refused) == (2, False)


def test_a_mode_must_be_chosen(admin) -> None:  # noqa: ANN001
    file_id = upload(admin, "register.csv", csv_bytes([row()]))
    for mode in ("", "SEMUA", None, 1):
        with pytest.raises(ServiceError) as err:
            ri.run_import(admin, file_id, mode)  # type: ignore[arg-type]
        assert err.value.message == "Pilih cara impor terlebih dahulu."


# --- who may import ------------------------------------------------------------------------------


def test_only_admins_import_and_only_their_own_upload(admin, make) -> None:  # noqa: ANN001
    rows = [row()]
    file_id = upload(admin, "register.csv", csv_bytes(rows))
    for key in ("pemohon1", "tkksd", "protokol", "opd"):
        person = demo_user(key)
        with pytest.raises(Forbidden) as err:
            ri.check(person, file_id)
        assert err.value.message == ri.ADMIN_ONLY
        with pytest.raises(Forbidden):
            ri.run_import(person, file_id, ri.MODE_VALID)
        with session_scope() as s:
            refused = s.exec(select(AuditLog).where(AuditLog.action == "AKSES_DITOLAK",
                                                    AuditLog.user_id == person.id,
                                                    AuditLog.target_id == str(file_id))).all()
        assert len(refused) == 2
    with pytest.raises(NotSignedIn):
        ri.check(None, file_id)
    # another admin cannot use this admin's upload; unknown ids are the same NotFound
    second_admin = make.user("ADMIN")
    for who, fid in ((second_admin, file_id), (admin, 10**9), (admin, "1"), (admin, True)):
        with pytest.raises(NotFound):
            ri.check(who, fid)
        with pytest.raises(NotFound):
            ri.run_import(who, fid, ri.MODE_VALID)
    assert agreements_by_key(keys_of(rows)) == []


# --- the template ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "build"), [("templat.csv", ri.template_csv), ("templat.xlsx", ri.template_xlsx)])
def test_the_templates_read_back_and_their_sample_rows_are_refused_as_samples(admin, name: str, build) -> None:  # noqa: ANN001
    report = ri.check(admin, upload(admin, name, build()))
    assert report.valid == [] and [b.row for b in report.bad] == [2, 3]
    for bad in report.bad:  # nothing else is wrong with them: the template shows valid values
        assert bad.reasons == ["Baris contoh dari templat: ganti dengan data perjanjian yang sebenarnya."]


def test_an_xlsx_that_unpacks_too_large_is_refused_before_reading(admin, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    data = xlsx_bytes([row()])
    monkeypatch.setattr(spreadsheet, "MAX_UNZIPPED", 1000)  # a ZIP bomb, in small
    with pytest.raises(ServiceError) as err:
        ri.check(admin, upload(admin, "register.xlsx", data))
    assert err.value.message == spreadsheet.MSG_XLSX_TOO_BIG
