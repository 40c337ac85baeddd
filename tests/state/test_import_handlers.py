"""The import page's handlers called directly, as a hostile browser could: only admins, only their own upload."""

import uuid

import pytest
from sqlmodel import select

from sikerja_app import routes
from sikerja_app.db import session_scope
from sikerja_app.domain import filetypes as ft
from sikerja_app.models import Agreement
from sikerja_app.services import registry_import as ri
from sikerja_app.services.errors import NotSignedIn
from sikerja_app.services.files import receive_upload
from sikerja_app.services.seed import demo_user
from sikerja_app.state.registry_import import ImportState

from .test_handler_access import as_user, call, sign_in

pytestmark = pytest.mark.usefixtures("db")


def _csv() -> tuple[bytes, str]:
    nd = f"ND/HANDLER/{uuid.uuid4().hex[:8]}"
    text = ("judul,bentuk,mitra,jenis mitra,kabupaten/kota mitra,urusan,nomor pihak daerah,nomor pihak mitra,"
            f"tanggal ttd,berlaku mulai,berlaku sampai\r\nUji,PKS,Mitra,PERUSAHAAN,64.72,1.01,{nd},NM/1,"
            "01-01-2021,01-01-2021,31-12-2030\r\n")
    return text.encode(), nd


def _imported(nd: str) -> int:
    with session_scope() as s:
        return len(s.exec(select(Agreement).where(Agreement.nomor_daerah == nd)).all())


def _state(who: str | None) -> ImportState:
    return as_user(ImportState, sign_in(who) if who else None, routes.ADMIN_REGISTER_IMPOR)  # type: ignore[return-value]


@pytest.mark.parametrize("who", ["pemohon1", "tkksd", "opd", None])
def test_non_admins_cannot_check_or_import(who: str | None) -> None:
    data, nd = _csv()
    file_id = receive_upload(demo_user("admin"), "register.csv", [data], allowed=ft.SPREADSHEETS).id
    state = _state(who)
    with pytest.raises(NotSignedIn):
        call(ImportState.upload_done, state, {"ok": True, "file_id": file_id})
    state._file_id, state.mode = file_id or 0, ri.MODE_VALID  # as if a report had been shown
    with pytest.raises(NotSignedIn):
        call(ImportState.confirm, state)
    with pytest.raises(NotSignedIn):
        call(ImportState.template_csv, state)
    assert _imported(nd) == 0 and state.valid_rows == []


def test_an_admin_cannot_check_another_admins_upload(make) -> None:  # noqa: ANN001
    data, nd = _csv()
    other = make.user("ADMIN")
    file_id = receive_upload(other, "register.csv", [data], allowed=ft.SPREADSHEETS).id
    state = _state("admin")
    call(ImportState.upload_done, state, {"ok": True, "file_id": file_id})
    assert state.error and not state.checked and state.valid_rows == []
    call(ImportState.confirm, state)
    assert _imported(nd) == 0


def test_the_admin_checks_chooses_and_imports() -> None:
    data, nd = _csv()
    file_id = receive_upload(demo_user("admin"), "register.csv", [data], allowed=ft.SPREADSHEETS).id
    state = _state("admin")
    call(ImportState.upload_done, state, {"ok": True, "file_id": file_id})
    assert state.checked and state.valid_count == 1 and state.bad_rows == []
    call(ImportState.confirm, state)  # no mode chosen yet
    assert state.mode_error == "Pilih cara impor terlebih dahulu." and _imported(nd) == 0
    call(ImportState.set_mode, state, "BUKAN_CARA")
    assert state.mode == ""
    call(ImportState.set_mode, state, ri.MODE_ALL_OR_NOTHING)
    call(ImportState.confirm, state)
    assert state.imported and state.result == "1 perjanjian diimpor ke register." and _imported(nd) == 1
    call(ImportState.confirm, state)  # a second press does nothing
    assert _imported(nd) == 1


def test_a_refused_upload_shows_its_message() -> None:
    state = _state("admin")
    call(ImportState.upload_done, state, {"ok": False, "error": "Jenis berkas tidak diizinkan. Unggah berkas XLSX "
                                                                 "atau CSV."})
    assert state.error.startswith("Jenis berkas tidak diizinkan") and not state.checked
    call(ImportState.upload_done, state, "sampah")
    assert state.error == "Unggahan gagal."
