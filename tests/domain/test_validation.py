"""Field validators: words counted as a person counts them, and the identity/contact formats."""

import pytest

from sikerja_app.domain import validation as v

# ---------------------------------------------------------------- word counting


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("   \n\t  ", 0),
        ("kerja sama daerah", 3),
        ("kerja   sama\n\ndaerah", 3),  # several spaces and blank lines separate, never add
        ("kerja\tsama\r\ndaerah\n", 3),
        ("dampak sosial-ekonomi", 2),  # a hyphenated word is one word
        ("masing-masing pihak", 2),  # so is Indonesian reduplication
        ("kota - desa", 2),  # a lone dash is punctuation, not a word
        ("kota – desa — provinsi", 3),  # en and em dash alone are not words either
        ("• pelatihan\n• magang\n• kajian", 3),  # bullets are not words
        ("- pelatihan\n- magang", 2),
        ("tahap ... berikutnya", 2),  # an ellipsis is not a word
        ("(1) melatih 120 aparatur;", 4),  # "(1)" and a number are words
        ("Rp1.500.000.000,00 per tahun", 3),
        ("dana\u00a0hibah", 2),  # a non-breaking space separates words too
        ("Pemerintah Kota Samarinda, Kalimantan Timur.", 5),
        ("_ * / |", 0),
    ],
)
def test_count_words_as_a_person_counts(text: str, expected: int) -> None:
    assert v.count_words(text) == expected


def test_count_words_on_real_indonesian_paragraph() -> None:
    text = (
        "Pemerintah kota sedang menyusun peta jalan kota cerdas, namun jumlah aparatur yang "
        "menguasai analisis data masih terbatas. Kedua pihak — kota dan perguruan tinggi — "
        "melihat peluang untuk saling melengkapi: (1) pelatihan; (2) kajian sosial-ekonomi."
    )
    # counted by hand, sentence by sentence: 12 + 5, then 6 + 5 (the two dashes are not
    # words), then "(1) pelatihan; (2) kajian sosial-ekonomi." is 5
    assert v.count_words(text) == 12 + 5 + 6 + 5 + 5


def test_count_words_none_is_zero() -> None:
    assert v.count_words(None) == 0  # type: ignore[arg-type]


# ---------------------------------------------------------------- word limits


def _words(n: int) -> str:
    return " ".join(f"kata{i}" for i in range(n))


@pytest.mark.parametrize("limit", [100, 150, 300, 500, 1000])
def test_word_limit_boundary(limit: int) -> None:
    assert v.check_word_limit(_words(limit), limit, "Manfaat") == ""
    msg = v.check_word_limit(_words(limit + 1), limit, "Manfaat")
    assert msg == f"Manfaat berisi {limit + 1} kata, melebihi batas {limit} kata."


def test_word_limit_counts_words_not_whitespace() -> None:
    padded = "\n\n".join(["kata   -  •"] * 100)  # 100 words, lots of dashes and spacing
    assert v.count_words(padded) == 100
    assert v.check_word_limit(padded, 100, "Lokasi kerja sama") == ""


@pytest.mark.parametrize("empty", ["", "   ", "\n\n"])
def test_word_limit_empty_is_required(empty: str) -> None:
    assert v.check_word_limit(empty, 100, "Jangka waktu") == "Jangka waktu wajib diisi."


@pytest.mark.parametrize("no_words", ["-", "- -", "•"])
def test_word_limit_text_without_any_word_is_still_empty(no_words: str) -> None:
    """People type "-" to skip a field; a field with no word at all is not filled in.

    count_words() says 0 words, so check_word_limit must not accept it as the content
    of a required narrative field.
    """
    assert v.count_words(no_words) == 0
    assert v.check_word_limit(no_words, 100, "Jangka waktu") == "Jangka waktu wajib diisi."


def test_check_required_and_max_length() -> None:
    assert v.check_required("", "Judul") == "Judul wajib diisi."
    assert v.check_required("  ", "Judul") == "Judul wajib diisi."
    assert v.check_required("Ada", "Judul") == ""
    assert v.check_max_length("a" * 300, 300, "Judul") == ""
    assert v.check_max_length("a" * 301, 300, "Judul") == "Judul paling banyak 300 karakter."


# ---------------------------------------------------------------- NIK


@pytest.mark.parametrize(
    "nik",
    [
        "6472011207780001",  # man born 12-07-78
        "6472015708860004",  # woman born 17-08-86: day + 40
        "6472014101900001",  # woman born 1 January: 41
        "6472017112900001",  # woman born 31 December: 71
        "6472012902000001",  # 29 February (a leap year is possible)
        "6472016902000001",  # 29 February, woman
        "1101013112990001",  # lowest province code 11
        "  6472011207780001 ",  # surrounding spaces are trimmed
    ],
)
def test_nik_valid(nik: str) -> None:
    assert v.check_nik(nik) == ""


@pytest.mark.parametrize(
    "nik",
    ["", "647201120778000", "64720112077800012", "64720112077800O1", "6472-0112-0778-0001",
     "abcdefghijklmnop", "6472 0112 0778 0001"],
)
def test_nik_wrong_length_or_not_digits(nik: str) -> None:
    assert v.check_nik(nik) == "NIK harus terdiri dari 16 angka."


@pytest.mark.parametrize(
    "nik",
    [
        "6472010007780001",  # day 00
        "6472013207780001",  # day 32
        "6472014007780001",  # day 40 (neither a man's nor a woman's day)
        "6472017207780001",  # day 72 = woman's 32
        "6472013102780001",  # 31 February
        "6472017102780001",  # 31 February, woman
        "6472011200780001",  # month 00
        "6472011213780001",  # month 13
        "0572011207780001",  # province code below 11
    ],
)
def test_nik_impossible_birth_date_or_region(nik: str) -> None:
    assert v.check_nik(nik).startswith("NIK tidak valid")


# ---------------------------------------------------------------- NIP


@pytest.mark.parametrize(
    "nip",
    ["198503052010012001", "197807122003121002", "199110042015032001", " 198503052010012001 "],
)
def test_nip_valid(nip: str) -> None:
    assert v.check_nip(nip) == ""


@pytest.mark.parametrize(
    "nip", ["", "19850305201001200", "1985030520100120011", "19850305201001200X", "1985-0305-2010-01"]
)
def test_nip_wrong_length_or_not_digits(nip: str) -> None:
    assert v.check_nip(nip) == "NIP harus terdiri dari 18 angka."


@pytest.mark.parametrize(
    "nip",
    [
        "198502302010012001",  # born 30 February
        "198513052010012001",  # born in month 13
        "198503002010012001",  # born on day 00
        "198503052010002001",  # appointed in month 00
        "198503052010132001",  # appointed in month 13
        "198503052010013001",  # sex code 3 (only 1 or 2)
        "198503052010010001",  # sex code 0
    ],
)
def test_nip_impossible_dates_or_sex(nip: str) -> None:
    assert v.check_nip(nip).startswith("NIP tidak valid")


@pytest.mark.parametrize(
    "nip",
    [
        pytest.param("198503051970012001", id="appointed-15-years-before-birth"),
        pytest.param("198503050000012001", id="appointed-in-year-0000"),
        pytest.param("000103052010012001", id="born-in-year-0001"),
    ],
)
def test_nip_impossible_years_are_refused(nip: str) -> None:
    """A NIP holds the birth date and the appointment (TMT) month; both years must be plausible.

    check_nip checks the TMT month but not the TMT year, and accepts any birth year.
    """
    assert v.check_nip(nip).startswith("NIP tidak valid")


def test_nomor_pegawai_is_nip_only_for_civil_servants() -> None:
    assert v.check_nomor_pegawai("198503052010012001", is_asn=True) == ""
    assert v.check_nomor_pegawai("K-2021-117", is_asn=True) == "NIP harus terdiri dari 18 angka."
    assert v.check_nomor_pegawai("K-2021-117", is_asn=False) == ""
    assert v.check_nomor_pegawai("", is_asn=False) == ""
    assert v.check_nomor_pegawai("x" * 41, is_asn=False) == "Nomor kepegawaian paling banyak 40 karakter."


# ---------------------------------------------------------------- ASCII digits only


@pytest.mark.parametrize(
    "nik",
    [
        pytest.param("６４７２０１１２０７７８０００１", id="fullwidth"),
        pytest.param("٦٤٧٢٠١١٢٠٧٧٨٠٠٠١", id="arabic-indic"),
    ],
)
def test_nik_must_be_plain_ascii_digits(nik: str) -> None:
    """``\\d`` in a str regex matches every Unicode digit (a full-width NIK pasted from a
    document, for instance). Such a NIK is stored as is and matches no other record."""
    assert v.check_nik(nik) == "NIK harus terdiri dari 16 angka."


# ---------------------------------------------------------------- phone


@pytest.mark.parametrize(
    "phone",
    ["0541-7001234", "+62 812-3456-7890", "0812 3456 7890", "081234567890", "(0541) 700 1234",
     "62812345678", "+6281234567890"],
)
def test_phone_valid(phone: str) -> None:
    assert v.check_phone(phone) == ""


def test_phone_normalization() -> None:
    assert v.normalize_phone("+62 812-3456-7890") == "081234567890"
    assert v.normalize_phone("(0541) 700-1234") == "05417001234"
    assert v.normalize_phone("62 812 3456 7890") == "081234567890"


@pytest.mark.parametrize(
    ("phone", "fragment"),
    [
        ("", "wajib diisi"),
        ("0812-ABCD-7890", "hanya boleh berisi angka"),
        ("telepon kantor", "hanya boleh berisi angka"),
        ("0812 3456 789O", "hanya boleh berisi angka"),  # letter O instead of zero
        ("0812345", "tidak valid"),  # too short
        ("12345", "tidak valid"),
        ("081234567890123456", "tidak valid"),  # too long
        ("812345678", "tidak valid"),  # no leading 0 / +62
    ],
)
def test_phone_refused(phone: str, fragment: str) -> None:
    assert fragment in v.check_phone(phone)


# ---------------------------------------------------------------- email


@pytest.mark.parametrize(
    "email",
    ["nama@instansi.go.id", "kerjasama@contoh-nusantara.ac.id", "a.b+c@x.co", " Nama@Instansi.Go.Id "],
)
def test_email_valid(email: str) -> None:
    assert v.check_email(email) == ""


@pytest.mark.parametrize(
    "email",
    ["nama", "nama@", "@instansi.go.id", "nama@instansi", "nama @instansi.go.id",
     "nama@instansi..go.id", "nama@instansi.go.i", "nama@@instansi.go.id",
     "x" * 250 + "@a.id"],
)
def test_email_refused(email: str) -> None:
    assert v.check_email(email) == "Alamat email tidak valid. Contoh: nama@instansi.go.id."


def test_email_required() -> None:
    assert v.check_email("  ") == "Email wajib diisi."


# ---------------------------------------------------------------- postcode


@pytest.mark.parametrize("code", ["75119", "76114", "10110", " 99999 "])
def test_postcode_valid(code: str) -> None:
    assert v.check_postcode(code) == ""


@pytest.mark.parametrize("code", ["", "05119", "7511", "751190", "75 119", "7511a", "00000"])
def test_postcode_refused(code: str) -> None:
    assert v.check_postcode(code) == "Kode pos harus 5 angka dan tidak diawali 0."


# ---------------------------------------------------------------- URL


@pytest.mark.parametrize(
    "url",
    ["https://instansi.go.id", "http://contoh-nusantara.ac.id/kerja-sama?tahun=2026",
     "https://www.samarindakota.go.id:8443/ppid"],
)
def test_url_valid(url: str) -> None:
    assert v.check_url(url) == ""


@pytest.mark.parametrize(
    "url",
    ["instansi.go.id", "www.instansi.go.id", "javascript:alert(1)", "ftp://instansi.go.id",
     "https://", "https://localhost", "https://instansi go.id", "data:text/html,hai"],
)
def test_url_refused(url: str) -> None:
    assert v.check_url(url) == "Alamat website tidak valid. Contoh: https://instansi.go.id."


def test_url_optional_unless_required() -> None:
    assert v.check_url("") == ""
    assert v.check_url("", required=True) == "Website wajib diisi."
