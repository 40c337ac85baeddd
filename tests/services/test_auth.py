"""Sign-in, rate limiting and sessions (DESIGN §7)."""

import hashlib
import itertools
from datetime import timedelta

import pytest
from sqlmodel import select

from sikerja_app.config import get_settings
from sikerja_app.db import session_scope
from sikerja_app.domain.dates import utcnow
from sikerja_app.models import AuditLog, AuthSession, LoginAttempt, User
from sikerja_app.services import auth
from sikerja_app.services.seed import DEMO_PASSWORD

pytestmark = pytest.mark.usefixtures("db")

_ips = itertools.count(1)


def fresh_ip() -> str:
    """Failures are counted per address too, so every test signs in from its own."""
    n = next(_ips)
    return f"10.20.{n // 250}.{n % 250 + 1}"


PASSWORD = "Rahasia-Uji-2026"  # the password of every user made by the ``make`` fixture


def login(identifier: str, password: str = PASSWORD, ip: str | None = None) -> auth.LoginResult:
    return auth.login(identifier, password, ip or fresh_ip(), "pytest")


def session_row(token: str) -> AuthSession:
    with session_scope() as s:
        return s.exec(select(AuthSession).where(AuthSession.token_hash == auth.hash_token(token))).one()


def set_session(token: str, **values: object) -> None:
    with session_scope() as s:
        row = s.exec(select(AuthSession).where(AuthSession.token_hash == auth.hash_token(token))).one()
        for k, v in values.items():
            setattr(row, k, v)
        s.add(row)


def set_user(user_id: int, **values: object) -> None:
    with session_scope() as s:
        user = s.get(User, user_id)
        for k, v in values.items():
            setattr(user, k, v)
        s.add(user)


# ---------------------------------------------------------------- login


def test_login_by_email_any_case(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    for ident in (user.email, user.email.upper(), f"  {user.email}  "):
        result = login(ident)
        assert result.error == "" and result.token, ident
        assert auth.resolve(result.token).id == user.id


def test_login_by_nip(make) -> None:  # noqa: ANN001
    nip = f"198703032012122{next(_ips) % 1000:03d}"
    user = make.user("ADMIN", nip=nip, nomor_pegawai=nip, is_asn=True)
    result = login(nip)
    assert result.token and result.error == ""
    assert auth.resolve(result.token).id == user.id


def test_demo_account_signs_in_by_email_and_by_nip() -> None:
    assert login("admin@sikerja.test", DEMO_PASSWORD).token
    assert login("198503052010012001", DEMO_PASSWORD).token


def test_wrong_password_gets_the_generic_message(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    result = login(user.email, "bukan-kata-sandinya1")
    assert result.token is None
    assert result.error == auth.GENERIC_LOGIN_ERROR == "Email/NIP atau kata sandi salah."


@pytest.mark.parametrize("ident", ["tidak-ada@uji.test", "199901012020011999", "", "   "])
def test_unknown_user_gets_the_same_message(ident: str) -> None:
    result = login(ident)
    assert result.token is None
    assert result.error == auth.GENERIC_LOGIN_ERROR


def test_disabled_user_cannot_sign_in_even_with_the_right_password(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    set_user(user.id, is_active=False)
    result = login(user.email)
    assert result.token is None and result.error == auth.GENERIC_LOGIN_ERROR


def test_failures_and_successes_are_audited(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    ip = fresh_ip()
    login(user.email, "salah-salah-1", ip)
    login(user.email, PASSWORD, ip)
    with session_scope() as s:
        actions = [a.action for a in s.exec(select(AuditLog).where(AuditLog.ip == ip).order_by(AuditLog.id))]
    assert actions == ["LOGIN_GAGAL", "LOGIN"]


def test_only_the_token_hash_is_stored(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    token = login(user.email).token
    row = session_row(token)
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    with session_scope() as s:
        assert s.exec(select(AuthSession).where(AuthSession.token_hash == token)).first() is None
    assert len(token) >= 40  # 32 random bytes, url-safe


# ---------------------------------------------------------------- slowing down guessing


def test_login_delay_grows_and_is_capped() -> None:
    limit = get_settings().login_max_failures
    delays = [auth.login_delay_seconds(n) for n in range(0, limit + 10)]
    assert delays[:limit] == [0.0] * limit
    after = delays[limit:]
    assert after[0] > 0
    assert all(b >= a for a, b in itertools.pairwise(after))
    assert after[1] > after[0]
    assert max(delays) <= 30.0


def test_repeated_failures_produce_a_growing_delay(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    ip = fresh_ip()
    delays = [login(user.email, f"salah-{i}-x", ip).delay for i in range(8)]
    assert delays[0] == 0.0
    assert delays[-1] > 0
    assert all(b >= a for a, b in itertools.pairwise(delays))
    growing = [d for d in delays if 0 < d < 30.0]
    assert len(growing) >= 2 and growing == sorted(set(growing))


def test_no_delay_before_the_configured_number_of_failures(make) -> None:  # noqa: ANN001
    """login_max_failures (default 5) mistakes are free; the slowdown starts after them.

    login() records each failure twice (one row for the identifier, one for the address)
    and then counts both keys together, so the same person at the same address is slowed
    down after about half the configured number of failures.
    """
    user = make.pemohon()
    ip = fresh_ip()
    limit = get_settings().login_max_failures
    delays = [login(user.email, f"salah-{i}-x", ip).delay for i in range(limit + 1)]
    assert delays[: limit - 1] == [0.0] * (limit - 1), delays
    assert delays[limit] > 0, delays


def test_guessing_many_accounts_from_one_address_is_slowed_down() -> None:
    ip = fresh_ip()
    limit = get_settings().login_max_failures
    delays = [login(f"tebak{i}@uji.test", "salah-123x", ip).delay for i in range(limit + 3)]
    assert delays[-1] > 0


def test_guessing_one_account_from_many_addresses_is_slowed_down(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    limit = get_settings().login_max_failures
    delays = [login(user.email, "salah-123x", fresh_ip()).delay for _ in range(limit + 3)]
    assert delays[-1] > 0


def test_successful_login_forgets_the_identifier_failures(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    login(user.email, "salah-123x")
    login(user.email, "salah-123x")
    key = f"id:{user.email}"
    with session_scope() as s:
        assert len(s.exec(select(LoginAttempt).where(LoginAttempt.key == key)).all()) == 2
    assert login(user.email).token
    with session_scope() as s:
        assert s.exec(select(LoginAttempt).where(LoginAttempt.key == key)).all() == []


# ---------------------------------------------------------------- sessions


def test_session_resolves_to_the_user(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    current = auth.resolve(login(user.email).token)
    assert current is not None
    assert (current.id, current.role, current.email, current.instansi_id) == \
        (user.id, "PEMOHON", user.email, user.instansi_id)


@pytest.mark.parametrize("token", [None, "", "bukan-token", "x" * 43])
def test_missing_or_unknown_token(token: str | None) -> None:
    assert auth.resolve(token) is None


def test_idle_session_expires(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    token = login(user.email).token
    idle = get_settings().session_idle_minutes
    set_session(token, last_seen_at=utcnow() - timedelta(minutes=idle - 1))
    assert auth.resolve(token) is not None  # still inside the idle window
    set_session(token, last_seen_at=utcnow() - timedelta(minutes=idle, seconds=1))
    assert auth.resolve(token) is None
    assert session_row(token).ended_at is not None
    # coming back does not revive an ended session
    set_session(token, last_seen_at=utcnow())
    assert auth.resolve(token) is None


def test_activity_keeps_the_session_alive(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    token = login(user.email).token
    idle = get_settings().session_idle_minutes
    old = utcnow() - timedelta(minutes=idle - 2)
    set_session(token, last_seen_at=old)
    assert auth.resolve(token) is not None
    assert session_row(token).last_seen_at > old + timedelta(minutes=1)


def test_absolute_expiry_even_when_active(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    token = login(user.email).token
    row = session_row(token)
    assert row.expires_at - row.created_at == timedelta(hours=get_settings().session_max_hours)
    set_session(token, expires_at=utcnow() - timedelta(seconds=1), last_seen_at=utcnow())
    assert auth.resolve(token) is None
    assert session_row(token).ended_at is not None


def test_logout_ends_only_that_session(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    phone, laptop = login(user.email).token, login(user.email).token
    auth.logout(phone, "10.1.1.1")
    assert auth.resolve(phone) is None
    assert session_row(phone).ended_at is not None
    assert auth.resolve(laptop) is not None
    auth.logout(phone)  # a second logout is harmless
    auth.logout(None)


def test_disabling_a_user_ends_access(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    token = login(user.email).token
    assert auth.resolve(token) is not None
    set_user(user.id, is_active=False)
    assert auth.resolve(token) is None


def test_end_all_sessions(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    tokens = [login(user.email).token for _ in range(3)]
    with session_scope() as s:
        auth.end_all_sessions(s, user.id)
    assert [auth.resolve(t) for t in tokens] == [None, None, None]


def test_role_change_is_seen_on_the_next_event(make) -> None:  # noqa: ANN001
    """Identity is read from the database on every resolve, not from a cached copy."""
    user = make.pemohon()
    token = login(user.email).token
    set_user(user.id, role="OPD")
    assert auth.resolve(token).role == "OPD"


def test_token_from_cookie_header() -> None:
    header = f"theme=dark; {auth.COOKIE_NAME}=abc-DEF_123; other=1"
    assert auth.token_from_cookie_header(header) == "abc-DEF_123"
    assert auth.token_from_cookie_header("theme=dark") is None
    assert auth.token_from_cookie_header("") is None
    assert auth.token_from_cookie_header(f"{auth.COOKIE_NAME}") is None


def test_factory_password_matches(make) -> None:  # noqa: ANN001
    assert make.password == PASSWORD


# ---------------------------------------------------------------- self-registration


def test_register_applicant_signs_in_as_pemohon_without_institution() -> None:
    email = f"daftar{next(_ips)}@uji.test"
    token, errors = auth.register_applicant("  Siti   Aminah ", f"  {email.upper()} ", "Kerjasama2026",
                                            "Kerjasama2026", fresh_ip(), "pytest")
    assert errors == {}
    current = auth.resolve(token)
    assert (current.role, current.email, current.instansi_id) == ("PEMOHON", email, None)
    assert db_user_name(current.id) == "Siti Aminah"
    assert login(email, "Kerjasama2026").token


@pytest.mark.parametrize(
    ("nama", "pw", "pw2", "field"),
    [
        ("", "Kerjasama2026", "Kerjasama2026", "nama"),
        ("Siti", "pendek1", "pendek1", "kata_sandi"),
        ("Siti", "hanyahurufsaja", "hanyahurufsaja", "kata_sandi"),
        ("Siti", "Kerjasama2026", "Kerjasama2027", "ulangi"),
    ],
)
def test_register_applicant_refuses_bad_input(nama: str, pw: str, pw2: str, field: str) -> None:
    email = f"tolak{next(_ips)}@uji.test"
    token, errors = auth.register_applicant(nama, email, pw, pw2, fresh_ip(), "pytest")
    assert token is None and field in errors
    with session_scope() as s:
        assert s.exec(select(User).where(User.email == email)).first() is None


def test_register_applicant_cannot_take_an_existing_email() -> None:
    token, errors = auth.register_applicant("Penyusup", "ADMIN@sikerja.test", "Kerjasama2026",
                                            "Kerjasama2026", fresh_ip(), "pytest")
    assert token is None and "email" in errors
    with session_scope() as s:
        admin = s.exec(select(User).where(User.email == "admin@sikerja.test")).one()
    assert admin.role == "ADMIN" and admin.nama_lengkap != "Penyusup"


def db_user_name(user_id: int) -> str:
    with session_scope() as s:
        return s.get(User, user_id).nama_lengkap
