"""Lacak: public status by registration code, and nothing personal."""

import json
from dataclasses import asdict

import pytest
from sqlmodel import select

from sikerja_app.db import session_scope
from sikerja_app.domain import regcode
from sikerja_app.domain.dates import format_date
from sikerja_app.models import Application, Instansi, User
from sikerja_app.services import applications, review, tracking
from sikerja_app.services.seed import demo_user

pytestmark = pytest.mark.usefixtures("db")

IP = "10.6.6.6"
SECRET_NOTE = "Catatan internal: hubungi Bu Sari di 0811-5550-1234."


def mistype_check_char(code: str) -> str:
    wrong = next(c for c in regcode.ALPHABET if c != code[-1])
    return code[:-1] + wrong


def test_real_code_gives_status_and_dates(make) -> None:  # noqa: ANN001
    owner = make.pemohon()
    app_id, code = make.submitted(owner)
    result = tracking.track(code)
    assert result.error == ""
    assert (result.code, result.status) == (code, "DIAJUKAN")
    assert result.status_label == "Diajukan – menunggu verifikasi"
    with session_scope() as s:
        submitted_at = s.get(Application, app_id).submitted_at
    assert result.submitted == format_date(submitted_at, "Asia/Makassar")
    assert result.steps == [(result.submitted, "Diajukan")]  # the draft's creation is not shown


@pytest.mark.parametrize("typed", ["lower", "nodash", "spaces"])
def test_code_as_people_type_it(make, typed: str) -> None:  # noqa: ANN001
    _, code = make.submitted(make.pemohon())
    raw = {"lower": code.lower(), "nodash": code.replace("-", ""),
           "spaces": "  " + code.replace("-", " ").lower() + " "}[typed]
    result = tracking.track(raw)
    assert (result.error, result.code, result.status) == ("", code, "DIAJUKAN")


def test_wrong_check_character_is_called_a_typo(make) -> None:  # noqa: ANN001
    _, code = make.submitted(make.pemohon())
    result = tracking.track(mistype_check_char(code))
    assert "salah ketik" in result.error
    assert result.status == "" and result.steps is None


def test_swapped_characters_are_called_a_typo(make) -> None:  # noqa: ANN001
    _, code = make.submitted(make.pemohon())
    body = code[9:13]
    i = next((i for i in range(3) if body[i] != body[i + 1]), None)
    if i is None:
        pytest.skip("all four characters equal")
    swapped = code[:9] + body[:i] + body[i + 1] + body[i] + body[i + 2:] + code[13:]
    result = tracking.track(swapped)
    if {body[i], body[i + 1]} != {"0", "Z"}:  # the Luhn blind spot is covered in test_regcode
        assert "salah ketik" in result.error


@pytest.mark.parametrize("raw", ["", "halo", "KSD-2026", "12345", "KSD-2026-7QX4-M99"])
def test_malformed_input(raw: str) -> None:
    result = tracking.track(raw)
    assert result.error.startswith("Format kode tidak dikenali")
    assert result.status == ""


def test_well_formed_unknown_code() -> None:
    for _ in range(20):
        code = regcode.new_code(2019)
        with session_scope() as s:
            if s.exec(select(Application).where(Application.code == code)).first() is None:
                break
    result = tracking.track(code)
    assert result.error == "Kode tidak ditemukan. Pastikan kode sesuai tanda terima."
    assert result.status == ""


def test_steps_follow_the_process(make) -> None:  # noqa: ANN001
    owner = make.pemohon()
    admin = demo_user("admin")
    app_id, code = make.submitted(owner)
    review.return_for_revision(admin, app_id, SECRET_NOTE, IP)
    assert tracking.track(code).status == "DIKEMBALIKAN"
    applications.submit(owner, app_id, True, IP)
    review.approve(admin, app_id, [demo_user("tkksd").id], IP)
    result = tracking.track(code)
    assert result.status == "PENAWARAN"
    assert [label for _, label in result.steps] == [
        "Diajukan", "Dikembalikan untuk perbaikan", "Diajukan", "Diverifikasi – tahap Penawaran dibuka",
    ]
    assert all(date for date, _ in result.steps)


def test_nothing_personal_in_the_result(make) -> None:  # noqa: ANN001
    inst_id = make.instansi(nama="Universitas Rahasia Lacak", email="rektorat@rahasia-lacak.ac.id",
                            telepon="0541-7009988", alamat="Jl. Tersembunyi No. 7")
    owner = make.pemohon(inst_id, nama_lengkap="Prof. Dr. Ratna Kusumawati", nik="6472015112800042",
                         telepon="081299887766", email="ratna.kusumawati@rahasia-lacak.ac.id")
    p2 = make.pemohon(inst_id, nama_lengkap="Ir. Joko Widodo Santoso")
    admin = demo_user("admin")
    app_id = make.draft(owner)
    applications.set_ppksd2(owner, app_id, p2.id)
    code = applications.submit(owner, app_id, True, "203.0.113.77").code
    review.return_for_revision(admin, app_id, SECRET_NOTE, IP)
    applications.submit(owner, app_id, True, "203.0.113.77")
    review.approve(admin, app_id, [demo_user("tkksd").id], IP)

    exposed = json.dumps(asdict(tracking.track(code)), ensure_ascii=False).lower()
    with session_scope() as s:
        people = [s.get(User, i) for i in (owner.id, p2.id, admin.id, demo_user("tkksd").id)]
        inst = s.get(Instansi, inst_id)
    secrets = [SECRET_NOTE, "0811-5550-1234", "203.0.113.77", inst.nama, inst.email, inst.telepon,
               inst.alamat]
    for person in people:
        secrets += [person.nama_lengkap, person.email, person.nik, person.telepon]
    secrets += ["Kusumawati", "Santoso", "rahasia-lacak"]
    for secret in secrets:
        assert secret and secret.lower() not in exposed, secret


def test_lookups_are_limited_per_address() -> None:
    from sikerja_app.services.tracking import LookupLimiter

    limiter = LookupLimiter(limit=3, window=60)
    assert [limiter.allow("10.0.0.1", t) for t in (0, 1, 2, 3)] == [True, True, True, False]
    assert limiter.allow("10.0.0.2", 3)  # another address is not affected
    assert limiter.allow("10.0.0.1", 61)  # the window has passed
