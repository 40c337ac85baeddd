"""Registration codes (DESIGN §3): short, readable aloud, unguessable, with a check
character. Shape ``KSD-2026-7QX4-M9``: five random characters from Crockford's
base-32 alphabet (no I, L, O, U) and one check character computed over GF(32),
which catches every single wrong character and every swap of two neighbours.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_N = len(ALPHABET)
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
_SHAPE = re.compile(r"^KSD-(\d{4})-([0-9A-Z]{4})-([0-9A-Z]{2})$")


def _gf_mul2(x: int) -> int:
    """Multiply by the generator in GF(32) with the field polynomial x^5 + x^2 + 1."""
    x <<= 1
    return x ^ 0b100101 if x & 0b100000 else x


def _check_char(payload: str) -> str:
    """Horner's rule over GF(32): c = sum(v_i * a^(n+1-i)).

    A wrong character changes c by e * a^k (never 0); swapping neighbours changes it
    by (x xor y) * a^k * (1 xor a) (never 0). Plain Luhn mod 32 misses 0<->Z swaps.
    """
    acc = 0
    for ch in payload:
        acc = _gf_mul2(acc) ^ ALPHABET.index(ch)
    return ALPHABET[_gf_mul2(acc)]


def new_code(year: int) -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(5))
    check = _check_char(f"{year}{body}")
    return f"KSD-{year}-{body[:4]}-{body[4]}{check}"


def normalize(raw: str) -> str:
    """Upper-case, trim, map look-alike letters, and restore dashes if omitted."""
    v = re.sub(r"[\s_]", "", (raw or "").upper()).translate(_CONFUSABLE)
    compact = v.replace("-", "")
    if re.fullmatch(r"KSD\d{4}[0-9A-Z]{6}", compact):
        return f"KSD-{compact[3:7]}-{compact[7:11]}-{compact[11:13]}"
    return v


class CodeStatus:
    VALID = "valid"
    MALFORMED = "malformed"  # not the shape of a code at all
    MISTYPED = "mistyped"  # right shape, wrong check character


def check_code(raw: str) -> tuple[str, str]:
    """Return (status, normalized code)."""
    code = normalize(raw)
    m = _SHAPE.match(code)
    if not m or any(ch not in ALPHABET for ch in m.group(2) + m.group(3)):
        return CodeStatus.MALFORMED, code
    year, a, b = m.groups()
    payload = f"{year}{a}{b[0]}"
    if _check_char(payload) != b[1]:
        return CodeStatus.MISTYPED, code
    return CodeStatus.VALID, code
