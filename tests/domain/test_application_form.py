"""The wizard's server-side rules (DESIGN §3)."""

import json
from pathlib import Path

import pytest

from sikerja_app.domain.application_form import (
    FIELD_BY_KEY,
    JUDUL_MAX,
    NARRATIVE_FIELDS,
    NARRATIVE_KEYS,
    PAKTA_STATEMENTS,
    validate_step1,
    validate_step2,
    validate_step3,
)
from sikerja_app.domain.validation import count_words

SAMPLES = json.loads(
    (Path(__file__).resolve().parents[2] / "sikerja_app" / "reference" / "samples" / "applications.json")
    .read_text(encoding="utf-8")
)

# DESIGN §3, the table of narrative fields and word limits.
DESIGN_LIMITS = {
    "Latar belakang": 300,
    "Maksud dan tujuan": 500,
    "Lokasi kerja sama": 100,
    "Ruang lingkup": 500,
    "Peran para pihak": 500,
    "Jangka waktu": 100,
    "Manfaat": 500,
    "Analisis dampak sosial, ekonomi dan lingkungan": 1000,
    "Pembiayaan": 150,
}
URUSAN = {"1.01", "2.16"}


def words(n: int) -> str:
    """n words the way people write: hyphenated words, punctuation, bullets and line breaks."""
    pool = ["pelayanan", "sosial-ekonomi", "(1)", "masyarakat,", "data;", "Samarinda."]
    out = []
    for i in range(n):
        out.append(pool[i % len(pool)])
        if i % 7 == 6:
            out.append("\n- ")  # a bullet dash between words adds nothing
    return " ".join(out)


def complete() -> dict[str, str]:
    return {f.key: words(10) for f in NARRATIVE_FIELDS}


def test_nine_fields_with_the_limits_of_the_design() -> None:
    assert {f.label: f.limit for f in NARRATIVE_FIELDS} == DESIGN_LIMITS
    assert len(NARRATIVE_KEYS) == 9 == len(set(NARRATIVE_KEYS))
    assert set(FIELD_BY_KEY) == set(NARRATIVE_KEYS)


def test_helper_really_writes_n_words() -> None:
    assert count_words(words(100)) == 100
    assert count_words(words(1001)) == 1001


@pytest.mark.parametrize("field", NARRATIVE_FIELDS, ids=lambda f: f.key)
def test_each_field_exactly_at_its_limit_is_accepted(field) -> None:  # noqa: ANN001
    values = complete()
    values[field.key] = words(field.limit)
    assert validate_step3(values, opd_count=1) == {}


@pytest.mark.parametrize("field", NARRATIVE_FIELDS, ids=lambda f: f.key)
def test_each_field_one_word_over_is_refused_in_indonesian(field) -> None:  # noqa: ANN001
    values = complete()
    values[field.key] = words(field.limit + 1)
    errors = validate_step3(values, opd_count=1)
    assert errors == {
        field.key: f"{field.label} berisi {field.limit + 1} kata, melebihi batas {field.limit} kata."
    }


@pytest.mark.parametrize("field", NARRATIVE_FIELDS, ids=lambda f: f.key)
def test_each_field_is_required(field) -> None:  # noqa: ANN001
    values = complete()
    values[field.key] = "  \n "
    assert validate_step3(values, opd_count=1) == {field.key: f"{field.label} wajib diisi."}
    del values[field.key]
    assert validate_step3(values, opd_count=1) == {field.key: f"{field.label} wajib diisi."}


def test_a_field_holding_only_a_dash_is_not_filled_in() -> None:
    values = complete()
    values["jangka_waktu"] = "-"
    assert validate_step3(values, opd_count=1) == {"jangka_waktu": "Jangka waktu wajib diisi."}


def test_all_errors_at_once_and_opd_required() -> None:
    errors = validate_step3({}, opd_count=0)
    assert set(errors) == {"opd", *NARRATIVE_KEYS}
    assert errors["opd"] == "Pilih paling sedikit satu OPD terkait."


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s["instansi"]["nama"])
def test_realistic_sample_applications_pass(sample: dict) -> None:
    assert set(sample["persiapan"]) == set(NARRATIVE_KEYS)
    assert validate_step3(sample["persiapan"], opd_count=2) == {}
    assert validate_step1(sample["judul"], sample["urusan_kode"], {sample["urusan_kode"]}, True) == {}


def test_step1() -> None:
    assert validate_step1("Kerja Sama Kota Cerdas", "2.16", URUSAN, True) == {}
    assert validate_step1("a" * JUDUL_MAX, "2.16", URUSAN, True) == {}
    errors = validate_step1("", "9.99", URUSAN, False)
    assert errors == {
        "judul": "Judul kerja sama wajib diisi.",
        "urusan": "Pilih urusan pemerintahan.",
        "instansi": "Lengkapi data instansi di Pengaturan terlebih dahulu.",
    }
    assert validate_step1("a" * (JUDUL_MAX + 1), "2.16", URUSAN, True) == {
        "judul": f"Judul kerja sama paling banyak {JUDUL_MAX} karakter."
    }
    assert "urusan" in validate_step1("Judul", "", URUSAN, True)


def test_step2() -> None:
    assert validate_step2(True, True) == {}
    assert validate_step2(False, True) == {"ppksd2": "PPKSD-2 harus pengguna lain dari instansi yang sama."}
    assert validate_step2(True, False) == {"ppksd1": "Lengkapi biodata Anda di Pengaturan terlebih dahulu."}


def test_pakta_has_the_four_statements() -> None:
    assert len(PAKTA_STATEMENTS) == 4
    text = " ".join(PAKTA_STATEMENTS).lower()
    for needle in ("benar", "keputusan", "bertanggung jawab", "kebijakan"):
        assert needle in text
