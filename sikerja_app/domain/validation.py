"""Field validators. Each returns an Indonesian error message, or "" when valid."""

import re
from datetime import date

_WORD = re.compile(r"[^\W_]", re.UNICODE)  # a letter or a digit in any script
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
_URL = re.compile(r"^https?://[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+(:\d{1,5})?(/\S*)?$")


def count_words(text: str) -> int:
    """Count words as a person does.

    Words are separated by whitespace; a token with no letter or digit (a lone
    dash, a bullet, an ellipsis) is not a word; "sosial-ekonomi" and "(1)" are one.
    """
    return sum(1 for token in (text or "").split() if _WORD.search(token))


def check_required(value: str, label: str) -> str:
    return "" if (value or "").strip() else f"{label} wajib diisi."


def check_word_limit(text: str, limit: int, label: str) -> str:
    n = count_words(text)
    if n == 0:  # a lone "-" or bullet is not an answer
        return f"{label} wajib diisi."
    if n > limit:
        return f"{label} berisi {n} kata, melebihi batas {limit} kata."
    return ""


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def check_nik(value: str) -> str:
    """NIK: 16 digits; province code, and birth date (day + 40 for women) must exist."""
    v = (value or "").strip()
    if not re.fullmatch(r"[0-9]{16}", v):
        return "NIK harus terdiri dari 16 angka."
    day, month = int(v[6:8]), int(v[8:10])
    if day > 40:
        day -= 40
    if not (11 <= int(v[:2]) <= 99) or not _valid_date(2000, month, day):
        return "NIK tidak valid: periksa kode wilayah dan tanggal lahir di dalamnya."
    return ""


def check_nip(value: str, today: date | None = None) -> str:
    """NIP (civil servants): 18 digits = birth date, appointment year-month, sex, sequence."""
    v = (value or "").strip()
    if not re.fullmatch(r"[0-9]{18}", v):
        return "NIP harus terdiri dari 18 angka."
    year = (today or date.today()).year
    born_y, appointed_y = int(v[0:4]), int(v[8:12])
    born = _valid_date(born_y, int(v[4:6]), int(v[6:8])) and 1940 <= born_y <= year - 17
    appointed = 1 <= int(v[12:14]) <= 12 and born_y + 17 <= appointed_y <= year
    if not born or not appointed or v[14] not in "12":
        return "NIP tidak valid: periksa tanggal lahir, TMT dan kode jenis kelamin di dalamnya."
    return ""


def check_nomor_pegawai(value: str, is_asn: bool) -> str:
    """NIP for civil servants; other staff numbers are free text (may be empty)."""
    if is_asn:
        return check_nip(value)
    if len((value or "").strip()) > 40:
        return "Nomor kepegawaian paling banyak 40 karakter."
    return ""


def normalize_phone(value: str) -> str:
    """Digits only, with +62 written as a leading 0."""
    v = re.sub(r"[\s\-().]", "", value or "")
    if v.startswith("+62"):
        v = "0" + v[3:]
    elif v.startswith("62"):
        v = "0" + v[2:]
    return v


def check_phone(value: str) -> str:
    if not (value or "").strip():
        return "Nomor telepon wajib diisi."
    if re.search(r"[^0-9\s\-()+.]", value):
        return "Nomor telepon hanya boleh berisi angka, spasi, tanda hubung dan +62."
    v = normalize_phone(value)
    if not re.fullmatch(r"0[0-9]{8,13}", v):
        return "Nomor telepon tidak valid. Contoh: 0812 3456 7890 atau 0541-7001234."
    return ""


def check_email(value: str) -> str:
    v = (value or "").strip()
    if not v:
        return "Email wajib diisi."
    if len(v) > 254 or not _EMAIL.match(v):
        return "Alamat email tidak valid. Contoh: nama@instansi.go.id."
    return ""


def check_postcode(value: str) -> str:
    if not re.fullmatch(r"[1-9][0-9]{4}", (value or "").strip()):
        return "Kode pos harus 5 angka dan tidak diawali 0."
    return ""


def check_url(value: str, required: bool = False) -> str:
    v = (value or "").strip()
    if not v:
        return "Website wajib diisi." if required else ""
    if not _URL.match(v):
        return "Alamat website tidak valid. Contoh: https://instansi.go.id."
    return ""


def check_max_length(value: str, limit: int, label: str) -> str:
    if len(value or "") > limit:
        return f"{label} paling banyak {limit} karakter."
    return ""
