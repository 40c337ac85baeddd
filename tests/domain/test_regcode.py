"""Registration codes: shape, check character, normalization, randomness."""

import re
from collections import Counter

import pytest

from sikerja_app.domain import regcode
from sikerja_app.domain.regcode import ALPHABET, CodeStatus, check_code, new_code, normalize

SHAPE = re.compile(r"^KSD-(\d{4})-([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{2})$")


def _parts(code: str) -> tuple[str, str, str]:
    """(year, the five random characters, the check character)."""
    m = SHAPE.match(code)
    assert m, code
    year, a, b = m.groups()
    return year, a + b[0], b[1]


def _assemble(year: str, body: str, check: str) -> str:
    return f"KSD-{year}-{body[:4]}-{body[4]}{check}"


def _with_valid_check(year: str, body: str) -> str:
    """The one code with this body that the checker accepts (found through the public API)."""
    valid = [c for c in ALPHABET if check_code(_assemble(year, body, c))[0] == CodeStatus.VALID]
    assert len(valid) == 1, (body, valid)
    return _assemble(year, body, valid[0])


@pytest.fixture(scope="module")
def codes() -> list[str]:
    return [new_code(2026) for _ in range(400)]


def test_shape_and_alphabet(codes: list[str]) -> None:
    assert set(ALPHABET) == set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    assert len(ALPHABET) == 32
    for code in codes:
        assert SHAPE.match(code), code
        assert len(code) == len("KSD-2026-7QX4-M9")
        assert code.startswith("KSD-2026-")
        assert not set(code[9:]) & set("ILOU"), code  # no letters that read like digits


def test_year_is_part_of_the_code() -> None:
    assert new_code(2031).startswith("KSD-2031-")


def test_generated_codes_are_valid(codes: list[str]) -> None:
    for code in codes:
        assert check_code(code) == (CodeStatus.VALID, code)


def test_every_single_substitution_is_caught(codes: list[str]) -> None:
    """Any one wrong character in the random part or the check character is noticed."""
    missed = []
    for code in codes:
        year, body, check = _parts(code)
        chars = list(body + check)
        for pos in range(6):
            for wrong in ALPHABET:
                if wrong == chars[pos]:
                    continue
                typo = chars.copy()
                typo[pos] = wrong
                bad = _assemble(year, "".join(typo[:5]), typo[5])
                if check_code(bad)[0] != CodeStatus.MISTYPED:
                    missed.append((code, bad))
    assert not missed, missed[:5]


def test_every_year_digit_substitution_is_caught(codes: list[str]) -> None:
    for code in codes[:50]:
        year, body, check = _parts(code)
        for pos in range(4):
            for digit in "0123456789":
                if digit == year[pos]:
                    continue
                bad = _assemble(year[:pos] + digit + year[pos + 1:], body, check)
                assert check_code(bad)[0] == CodeStatus.MISTYPED, (code, bad)


def test_adjacent_transpositions_in_generated_codes_are_caught(codes: list[str]) -> None:
    missed = []
    for code in codes:
        year, body, check = _parts(code)
        for i in range(4):
            if body[i] == body[i + 1]:
                continue
            swapped = body[:i] + body[i + 1] + body[i] + body[i + 2:]
            bad = _assemble(year, swapped, check)
            if check_code(bad)[0] != CodeStatus.MISTYPED:
                missed.append((code, bad))
    assert not missed, missed[:5]


def test_every_adjacent_transposition_of_every_character_pair_is_caught() -> None:
    """Exhaustive over the alphabet: for each of the four neighbour positions of the random
    part, every ordered pair of different characters is swapped in a valid code.

    A Luhn mod 32 check cannot see the swap of "0" and "Z" (values 0 and 31): both add
    the same amount whether doubled or not, so KSD-2026-0ZAA-A1 and KSD-2026-Z0AA-A1 are
    both accepted.
    """
    missed = []
    for i in range(4):
        for x in ALPHABET:
            for y in ALPHABET:
                if x == y:
                    continue
                body = list("A7K3M")
                body[i], body[i + 1] = x, y
                code = _with_valid_check("2026", "".join(body))
                year, good, check = _parts(code)
                swapped = good[:i] + good[i + 1] + good[i] + good[i + 2:]
                if check_code(_assemble(year, swapped, check))[0] != CodeStatus.MISTYPED:
                    missed.append((code, _assemble(year, swapped, check)))
    assert not missed, f"{len(missed)} undetected swaps, e.g. {missed[:4]}"


@pytest.mark.parametrize(
    "typed",
    [
        "{code}",
        "{lower}",
        "  {code}  ",
        "{nodash}",
        "{lower_nodash}",
        "{spaced}",
        "{underscored}",
    ],
)
def test_normalization_of_typed_codes(typed: str) -> None:
    code = _with_valid_check("2026", "7QX4M")
    variants = {
        "code": code,
        "lower": code.lower(),
        "nodash": code.replace("-", ""),
        "lower_nodash": code.replace("-", "").lower(),
        "spaced": code.replace("-", " "),
        "underscored": code.replace("-", "_"),
    }
    raw = typed.format(**variants)
    assert normalize(raw) == code
    assert check_code(raw) == (CodeStatus.VALID, code)


def test_look_alike_letters_are_read_as_digits() -> None:
    code = _with_valid_check("2026", "10V0M")  # 1, 0 and V have look-alikes
    assert check_code("KSD-2026-IOU0-M" + code[-1]) == (CodeStatus.VALID, code)
    assert check_code("ksd-2026-loUo-m" + code[-1].lower()) == (CodeStatus.VALID, code)
    assert check_code("KSD 2O26 LOVO M" + code[-1]) == (CodeStatus.VALID, code)  # O in the year


@pytest.mark.parametrize(
    "raw",
    ["", "KSD", "KSD-2026", "KSD-2026-7QX4", "ABC-2026-7QX4-M9", "KSD-26-7QX4-M9",
     "KSD-2026-7QX4-M", "KSD-2026-7QX4-M99", "KSD-2026-7Q#4-M9", "KSD-2026-7QX4-M9-00",
     "' OR 1=1 --"],
)
def test_malformed_codes(raw: str) -> None:
    assert check_code(raw)[0] == CodeStatus.MALFORMED


def test_codes_are_unpredictable_and_rarely_collide() -> None:
    generated = [new_code(2026) for _ in range(10_000)]
    assert len(set(generated)) >= 9_990  # 32^5 = 33.5 million bodies: a handful of repeats at most
    bodies = [_parts(c)[1] for c in generated]
    # every character of the alphabet appears in every random position, roughly evenly
    for pos in range(5):
        counts = Counter(b[pos] for b in bodies)
        assert set(counts) == set(ALPHABET)
        assert max(counts.values()) < 3 * (10_000 / 32)
    # not a counter: consecutive codes share no common prefix pattern
    assert len({b[:2] for b in bodies[:200]}) > 100


def test_codes_come_from_a_secure_random_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """The random part is drawn with ``secrets`` (unguessable), not ``random``."""
    calls: list[str] = []

    def fake_choice(seq: str) -> str:
        calls.append(seq)
        return seq[len(calls) % len(seq)]

    monkeypatch.setattr(regcode.secrets, "choice", fake_choice)
    code = new_code(2026)
    assert len(calls) == 5 and all(seq == ALPHABET for seq in calls)
    assert check_code(code)[0] == CodeStatus.VALID
