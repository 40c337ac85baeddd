"""Sign-in, sessions and the current user (DESIGN §7).

The browser holds only a random token in an HttpOnly cookie; the database keeps its
SHA-256. Every event resolves the user again from that cookie, so ending a session
or disabling a user takes effect on the next click.
"""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, or_
from sqlmodel import Session, select

from ..config import get_settings
from ..db import session_scope
from ..domain.dates import utcnow
from ..domain.permissions import Viewer
from ..models import AuthSession, LoginAttempt, User
from . import audit
from .security import hash_token, new_token, verify_password

COOKIE_NAME = "sikerja_sesi"
GENERIC_LOGIN_ERROR = "Email/NIP atau kata sandi salah."
_LAST_SEEN_STEP = timedelta(seconds=30)  # write last_seen at most this often


@dataclass(frozen=True)
class CurrentUser:
    """What handlers need about the signed-in person; never sent whole to the browser."""

    id: int
    role: str
    nama: str
    email: str
    instansi_id: int | None
    is_protokol: bool
    opd_id: int | None

    @property
    def viewer(self) -> Viewer:
        return Viewer(self.id, self.role, self.instansi_id, self.is_protokol, self.opd_id)


def _current(user: User) -> CurrentUser:
    return CurrentUser(
        id=user.id or 0,
        role=user.role,
        nama=user.nama_panggilan or user.nama_lengkap or user.email,
        email=user.email,
        instansi_id=user.instansi_id,
        is_protokol=user.is_protokol,
        opd_id=user.opd_id,
    )


def find_user(session: Session, identifier: str) -> User | None:
    ident = identifier.strip().lower()
    if not ident:
        return None
    return session.exec(
        select(User).where(or_(func.lower(User.email) == ident, User.nip == ident))
    ).first()


def _recent_failures(session: Session, keys: list[str]) -> int:
    """The larger count of the identifier's and the address's failures (each row counts once)."""
    since = utcnow() - timedelta(minutes=get_settings().login_window_minutes)
    counts = [session.exec(
        select(func.count()).select_from(LoginAttempt).where(LoginAttempt.key == key, LoginAttempt.at >= since)
    ).one() for key in keys]
    return max(counts, default=0)


def login_delay_seconds(failures: int) -> float:
    """Slow down repeated failures: nothing for the first few, then growing pauses."""
    limit = get_settings().login_max_failures
    if failures < limit:
        return 0.0
    return min(2.0 ** (failures - limit + 1), 30.0)


@dataclass(frozen=True)
class LoginResult:
    token: str | None
    error: str
    delay: float  # seconds the caller should wait before answering


def login(identifier: str, password: str, ip: str, user_agent: str) -> LoginResult:
    """Check credentials; on success create a session and return its token."""
    keys = [f"id:{identifier.strip().lower()[:200]}", f"ip:{ip}"]
    with session_scope() as s:
        failures = _recent_failures(s, keys)
        user = find_user(s, identifier)
        ok = verify_password(user.password_hash if user else None, password)
        if not ok or user is None or not user.is_active:
            for key in keys:
                s.add(LoginAttempt(key=key))
            audit.record(s, "LOGIN_GAGAL", user.id if user else None, "user", "", ip,
                         f"identitas={identifier[:80]!r}")
            return LoginResult(None, GENERIC_LOGIN_ERROR, login_delay_seconds(failures + 1))
        token = new_token()
        now = utcnow()
        settings = get_settings()
        s.add(AuthSession(
            token_hash=hash_token(token), user_id=user.id, created_at=now, last_seen_at=now,
            expires_at=now + timedelta(hours=settings.session_max_hours),
            ip=ip[:64], user_agent=user_agent[:300],
        ))
        s.exec(delete(LoginAttempt).where(LoginAttempt.key == keys[0]))
        audit.record(s, "LOGIN", user.id, "user", user.id, ip)
        return LoginResult(token, "", login_delay_seconds(failures))


def resolve(token: str | None) -> CurrentUser | None:
    """The user of a live session, or None (expired, ended, disabled or unknown)."""
    if not token:
        return None
    settings = get_settings()
    now = utcnow()
    with session_scope() as s:
        sess = s.exec(select(AuthSession).where(AuthSession.token_hash == hash_token(token))).first()
        if sess is None or sess.ended_at is not None:
            return None
        idle_limit = sess.last_seen_at + timedelta(minutes=settings.session_idle_minutes)
        if now >= sess.expires_at or now >= idle_limit:
            sess.ended_at = now
            s.add(sess)
            return None
        user = s.get(User, sess.user_id)
        if user is None or not user.is_active:
            return None
        if now - sess.last_seen_at >= _LAST_SEEN_STEP:
            sess.last_seen_at = now
            s.add(sess)
        return _current(user)


def logout(token: str | None, ip: str = "") -> None:
    if not token:
        return
    with session_scope() as s:
        sess = s.exec(select(AuthSession).where(AuthSession.token_hash == hash_token(token))).first()
        if sess and sess.ended_at is None:
            sess.ended_at = utcnow()
            s.add(sess)
            audit.record(s, "LOGOUT", sess.user_id, "user", sess.user_id, ip)


def end_all_sessions(session: Session, user_id: int) -> None:
    """Used when a user is disabled or changes the password."""
    for sess in session.exec(
        select(AuthSession).where(AuthSession.user_id == user_id, AuthSession.ended_at.is_(None))  # type: ignore[union-attr]
    ):
        sess.ended_at = utcnow()
        session.add(sess)


def token_from_cookie_header(cookie_header: str) -> str | None:
    """The session token from a Cookie header, parsed as leniently as browsers send it
    (http.cookies gives up on the whole header when any other cookie is unusual)."""
    from starlette.requests import cookie_parser

    return cookie_parser(cookie_header or "").get(COOKIE_NAME) or None


def register_applicant(nama: str, email: str, password: str, password2: str, ip: str,
                       user_agent: str) -> tuple[str | None, dict[str, str]]:
    """Self-registration of an applicant (PPKSD); returns (session token, field errors)."""
    from ..domain.validation import check_email, check_required
    from .security import check_password_strength, hash_password

    email = email.strip().lower()
    errors = {k: m for k, m in {
        "nama": check_required(nama, "Nama lengkap"),
        "email": check_email(email),
        "kata_sandi": check_password_strength(password),
        "ulangi": "" if password == password2 else "Kata sandi tidak sama.",
    }.items() if m}
    if errors:
        return None, errors
    with session_scope() as s:
        if find_user(s, email) is not None:
            return None, {"email": "Email ini sudah terdaftar. Silakan masuk."}
        user = User(email=email, password_hash=hash_password(password), role="PEMOHON",
                    nama_lengkap=" ".join(nama.split())[:160])
        s.add(user)
        s.flush()
        audit.record(s, "DAFTAR", user.id, "user", user.id, ip)
    result = login(email, password, ip, user_agent)
    return result.token, {}
